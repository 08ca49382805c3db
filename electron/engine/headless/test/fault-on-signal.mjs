// Loaded into a headless child by process-faults.test.ts (node --import): on SIGUSR2 it makes a
// promise rejection nobody handles and an exception nobody catches, as a bug in the desk would.
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('a rejection the desk did not handle'));
  setImmediate(() => {
    throw new Error('an exception the desk did not catch');
  });
});
