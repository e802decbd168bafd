import { RequestBudgetSpentError } from './byte-budget.js';
import type { Call } from './layer.js';
import type { UpstreamOptions } from './types.js';

/**
 * The layer that refuses, sending nothing, a call whose request has read its whole byte budget
 * already; the refusal is told to the observer (`budget_spent`).
 */
export function withByteBudget(next: Call, options: Pick<UpstreamOptions, 'provider' | 'observer'>): Call {
  const { provider, observer } = options;
  return async (request) => {
    const bytes = request.trace?.bytes;
    if (bytes?.spent) {
      observer?.refused({ provider, reason: 'budget_spent', requestId: request.trace?.requestId });
      throw new RequestBudgetSpentError(provider, bytes.limit);
    }
    return next(request);
  };
}
