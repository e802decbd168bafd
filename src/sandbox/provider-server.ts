import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { DelayTimers } from './delay-timers.js';
import type { ProviderSettings } from './provider-settings.js';
import { readBody } from './request-body.js';
import type { RequestRecorder } from './request-recorder.js';
import type { SandboxCall, SandboxReply, Simulator } from './simulator.js';
import type { TransportFault } from './types.js';

export interface ProviderServerDeps {
  readonly host: string;
  readonly recorder: RequestRecorder;
  readonly settings: ProviderSettings;
  readonly timers: DelayTimers;
}

export interface ProviderServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves one simulator on its own port (0-assigned): record, read, fault or admit, delay, answer. */
export async function startProviderServer(simulator: Simulator, deps: ProviderServerDeps): Promise<ProviderServer> {
  const server = createServer((request, response) => {
    serve(simulator, deps, request, response).catch(() =>
      send(response, simulator, simulator.faultReply({ status: 500 }, pathOf(request.url))),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, deps.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = deps.host.includes(':') ? `[${deps.host}]` : deps.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  simulator: Simulator,
  deps: ProviderServerDeps,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = request.url ?? '/';
  const pathname = pathOf(url);
  const entry = deps.recorder.record({
    provider: simulator.provider,
    method: request.method ?? 'GET',
    path: url,
    headers: { ...request.headers },
    body: '',
    receivedAt: Date.now(),
  });
  const { body, tooLarge } = await readBody(request);
  entry.body = body.toString('utf8');
  if (tooLarge) return send(response, simulator, simulator.faultReply({ status: 413 }, pathname));

  const call: SandboxCall = { method: entry.method, url, pathname, headers: request.headers, body };
  const fault = deps.settings.takeFault(simulator.provider, pathname);
  if (fault) {
    await deps.timers.wait(deps.settings.latency(simulator.provider));
    if ('kind' in fault) return misbehave(fault, request, response);
    const reply = simulator.faultReply(fault, pathname);
    return send(response, simulator, { ...reply, status: fault.httpStatus ?? reply.status });
  }
  const admission = simulator.admit?.(call) ?? { release: () => undefined };
  if ('refused' in admission) return send(response, simulator, admission.refused);
  try {
    await deps.timers.wait(deps.settings.latency(simulator.provider));
    await deps.settings.whenOpen(simulator.provider);
    send(response, simulator, await simulator.handle(call));
  } finally {
    admission.release();
  }
}

const HUGE_BODY_BYTES = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** A fault below the API's documented answers (see TransportFault). */
async function misbehave(fault: TransportFault, request: IncomingMessage, response: ServerResponse): Promise<void> {
  switch (fault.kind) {
    case 'reset':
      request.socket.destroy();
      return;
    case 'stall':
      // Headers and a first byte, then silence until the client gives up or the sandbox closes.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"Response":');
      return;
    case 'malformed-json':
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"Response": true, "Data": {"CaseNumber": "HYX');
      return;
    case 'html-page':
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!DOCTYPE html><html><body><h1>Down for maintenance</h1></body></html>');
      return;
    case 'huge-body': {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('"');
      for (let sent = 0; sent < (fault.bytes ?? HUGE_BODY_BYTES) && !response.destroyed; sent += CHUNK.length) {
        if (!response.write(CHUNK)) await drainedOrClosed(response);
      }
      response.end('"');
      return;
    }
  }
}

/** Waits for the client to take more, or to hang up (then `destroyed` ends the writer's loop). */
async function drainedOrClosed(response: ServerResponse): Promise<void> {
  const done = new AbortController();
  const { signal } = done;
  try {
    await Promise.race([once(response, 'drain', { signal }), once(response, 'close', { signal })]);
  } catch {
    // The response failed: the writer's loop sees it destroyed.
  } finally {
    // Removes the listener that did not fire, so a long body does not pile them up.
    done.abort();
  }
}

function pathOf(url = '/'): string {
  return url.split('?')[0] ?? url;
}

function send(response: ServerResponse, simulator: Simulator, reply: SandboxReply): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(reply.status, { 'content-type': simulator.contentType, ...reply.headers });
  response.end(JSON.stringify(reply.body));
}
