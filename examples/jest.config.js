module.exports = require('@proc/jest-config')();
