import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/errors.js';
import { checkListFilter, checkPageSize, type ListingFacts } from '../../../src/domain/ticket-list.js';

const STATE_AND_SEARCH: ListingFacts = { filters: ['state', 'search'] };
const DATES_REQUIRED: ListingFacts = {
  filters: ['state', 'createdAfter', 'createdBefore'],
  requires: ['createdAfter', 'createdBefore'],
  maxCreatedSpanDays: 31,
};

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('checkListFilter', () => {
  it('defaults to every ticket, with no other filter', () => {
    expect(checkListFilter(undefined, STATE_AND_SEARCH, 'Sweeppea')).toEqual({ state: 'ANY' });
    expect(checkListFilter({ state: null, search: null }, STATE_AND_SEARCH, 'Sweeppea')).toEqual({ state: 'ANY' });
  });

  it('trims a search and reads a blank one as none', () => {
    expect(checkListFilter({ search: '  printer  ' }, STATE_AND_SEARCH, 'Sweeppea')).toEqual({
      state: 'ANY',
      search: 'printer',
    });
    expect(checkListFilter({ search: ' \t ' }, STATE_AND_SEARCH, 'Sweeppea')).toEqual({ state: 'ANY' });
  });

  it('refuses a filter the provider cannot apply, naming the filter and the provider', () => {
    const error = refusal(() =>
      checkListFilter({ createdAfter: '2026-01-01T00:00:00Z' }, STATE_AND_SEARCH, 'Sweeppea'),
    );
    expect(error.message).toBe(
      'Sweeppea cannot filter its list by `createdAfter`: it filters by `filter.state` and `filter.search`',
    );
    expect(error.field).toBe('filter.createdAfter');
    expect(refusal(() => checkListFilter({ state: 'OPEN' }, { filters: [] }, 'HostUp')).message).toBe(
      'HostUp cannot filter its list by `state`: it filters by nothing',
    );
  });

  it('accepts state ANY from a provider that cannot filter by state', () => {
    expect(checkListFilter({ state: 'ANY' }, { filters: [] }, 'HostUp')).toEqual({ state: 'ANY' });
  });

  it('refuses a list without the filters the provider requires', () => {
    const error = refusal(() =>
      checkListFilter({ createdBefore: '2026-01-02T00:00:00Z' }, DATES_REQUIRED, 'Kapture CRM'),
    );
    expect(error.message).toBe(
      'Kapture CRM lists tickets only with `filter.createdAfter` and `filter.createdBefore`, at most 31 days apart',
    );
  });

  it('refuses bounds out of order, and a span over the provider’s longest', () => {
    expect(
      refusal(() =>
        checkListFilter(
          { createdAfter: '2026-01-02T00:00:00Z', createdBefore: '2026-01-02T00:00:00Z' },
          DATES_REQUIRED,
          'Kapture CRM',
        ),
      ).message,
    ).toBe('`filter.createdAfter` must be before `filter.createdBefore`');
    const tooLong = refusal(() =>
      checkListFilter(
        { createdAfter: '2026-01-01T00:00:00Z', createdBefore: '2026-02-01T00:00:01Z' },
        DATES_REQUIRED,
        'Kapture CRM',
      ),
    );
    expect(tooLong.message).toBe(
      'Kapture CRM lists at most 31 days at a time: `filter.createdAfter` to `filter.createdBefore` spans more',
    );
    expect(
      checkListFilter(
        { createdAfter: '2026-01-01T00:00:00Z', createdBefore: '2026-02-01T00:00:00Z' },
        DATES_REQUIRED,
        'Kapture CRM',
      ),
    ).toEqual({ state: 'ANY', createdAfter: '2026-01-01T00:00:00Z', createdBefore: '2026-02-01T00:00:00Z' });
  });

  it('refuses a search too long or holding a control character', () => {
    expect(refusal(() => checkListFilter({ search: 'x'.repeat(201) }, STATE_AND_SEARCH, 'Sweeppea')).message).toBe(
      '`filter.search` must be at most 200 characters',
    );
    expect(refusal(() => checkListFilter({ search: 'a\u0000b' }, STATE_AND_SEARCH, 'Sweeppea')).field).toBe(
      'filter.search',
    );
  });
});

describe('checkPageSize', () => {
  it('takes 1 to 100', () => {
    expect(checkPageSize(1)).toBe(1);
    expect(checkPageSize(100)).toBe(100);
  });

  it.each([0, -1, 101, 2.5, Number.NaN, null])('refuses %s', (first) => {
    expect(refusal(() => checkPageSize(first)).field).toBe('first');
  });
});
