import { captureConsoleDir } from '../src/index.js';

describe('captureConsoleDir', () => {
  it('should collect what console.dir is given and put console.dir back on restore', () => {
    const original = console.dir;
    const capture = captureConsoleDir();
    console.dir({ name: 'printed' }, { depth: 3 });
    capture.restore();
    expect(capture.printed).toEqual([{ name: 'printed' }]);
    expect(console.dir).toBe(original);
  });
});
