// google.rpc.Code values the receiver answers with, and the code for an HTTP status
// (https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto).

export const RPC_INVALID_ARGUMENT = 3;
export const RPC_RESOURCE_EXHAUSTED = 8;
export const RPC_UNAVAILABLE = 14;

const HTTP_STATUS_TO_RPC: Record<number, number> = {
  400: RPC_INVALID_ARGUMENT,
  413: RPC_RESOURCE_EXHAUSTED,
  429: RPC_RESOURCE_EXHAUSTED,
  502: RPC_UNAVAILABLE,
  503: RPC_UNAVAILABLE,
  504: 4,
};

/** The google.rpc.Code to put in the `Status` of an HTTP answer with `status`. */
export function rpcCodeForHttpStatus(status: number): number {
  return HTTP_STATUS_TO_RPC[status] ?? (status >= 500 ? RPC_UNAVAILABLE : 2);
}
