// A web worker's JS heap, read through the Chrome DevTools Protocol, for the web benchmarks.
// Playwright opens CDP sessions on pages only, and a dedicated worker is not a target of its own:
// it is attached from its page (Target.setAutoAttach). In the non-flat mode the worker's session
// is spoken to through the page's session (Target.sendMessageToTarget / receivedMessageFromTarget),
// which a Playwright CDPSession can do. performance.measureUserAgentSpecificMemory() would be the
// in-page way, but it needs a cross-origin-isolated page, which the web edition is not.

const MB = 1024 * 1024;

/** A CDP session on the worker named `title` (new Worker(url, { name })) of this Playwright page. */
export async function workerSession(page, title, timeoutMs = 10_000) {
  const cdp = await page.context().newCDPSession(page);
  const pending = new Map();
  let nextId = 1;
  let found;
  const attached = new Promise((resolve) => (found = resolve));
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker' && event.targetInfo.title === title) found(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    const answer = pending.get(message.id);
    if (!answer) return;
    pending.delete(message.id);
    if (message.error) answer.reject(new Error(`${message.error.message} (${message.error.code})`));
    else answer.resolve(message.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let timer;
  const sessionId = await Promise.race([
    attached,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no worker named ${title} in the page`)), timeoutMs))),
  ]).finally(() => clearTimeout(timer));
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  return { send, detach: () => cdp.detach().catch(() => undefined) };
}

/**
 * The worker's heap after a full garbage collection, in MB: `usedMB` the JS heap in use,
 * `arrayBuffersMB` the ArrayBuffer contents outside it (certificate bytes live there).
 */
export async function heapAfterGc(worker) {
  await worker.send('HeapProfiler.collectGarbage');
  await worker.send('HeapProfiler.collectGarbage');
  const usage = await worker.send('Runtime.getHeapUsage');
  return { usedMB: usage.usedSize / MB, arrayBuffersMB: (usage.backingStorageSize ?? 0) / MB };
}

/**
 * The heap once the worker has finished its background work: read every `everyMs` until two
 * readings in a row differ by less than `within` MB (nothing more kept in between), or `timeoutMs`.
 */
export async function settledHeap(worker, { everyMs = 1000, within = 0.25, timeoutMs = 120_000 } = {}) {
  const started = Date.now();
  let last = await heapAfterGc(worker);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    const now = await heapAfterGc(worker);
    if (Math.abs(now.usedMB - last.usedMB) < within) return now;
    if (Date.now() - started > timeoutMs) throw new Error(`the worker's heap was still changing after ${timeoutMs} ms`);
    last = now;
  }
}
