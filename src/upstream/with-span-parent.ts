import { context } from '@opentelemetry/api';
import type { Call } from './layer.js';

/**
 * The outermost layer when tracing: keeps on the call the trace context it was made in (a loader
 * batch's span, or the operation's), for its tries' spans (withTrySpans). Read later, inside the
 * slot, the active context would be that of the call that freed the slot.
 */
export function withSpanParent(next: Call): Call {
  return (request) => next({ ...request, spanParent: context.active() });
}
