import type { FastifyReply } from 'fastify';

/** A signal that fires when the client goes away before its answer was written (a disconnect cancels the walk). */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
