// Preloaded into each engine the kill loop starts (`node --import <this file> dist/main.js`).
//
// The engine samples as soon as it boots, and on a loaded machine its first fresh cycle can come
// before the HTTP server answers, so the warm-start /status (served only until that cycle) could
// not be read reliably. Until this process receives SIGUSR2, interval callbacks are no-ops; the
// loop reads the warm status, then sends SIGUSR2 and the engine runs unchanged. Start-up itself
// (lock, checkpoint write-back, temp sweep, torn-tail repair) is not held, and kills still land
// at random moments, held or not.

const realSetInterval = globalThis.setInterval;
let released = false;

process.on('SIGUSR2', () => {
  released = true;
});

globalThis.setInterval = function heldSetInterval(callback, ms, ...args) {
  if (released || typeof callback !== 'function') return realSetInterval(callback, ms, ...args);
  return realSetInterval(
    function heldTick(...tickArgs) {
      if (released) return callback.apply(this, tickArgs);
    },
    ms,
    ...args,
  );
};
