import { describe, expect, it } from 'vitest';
import { ProviderSettings } from '../../../src/sandbox/provider-settings.js';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ProviderSettings.hold', () => {
  it('holds only that provider until released', async () => {
    const settings = new ProviderSettings();
    const release = settings.hold('sweeppea');
    const held = settings.whenOpen('sweeppea');
    expect(await settled(settings.whenOpen('kapture'))).toBe(true);
    expect(await settled(held)).toBe(false);
    release();
    expect(await settled(held)).toBe(true);
    expect(await settled(settings.whenOpen('sweeppea'))).toBe(true);
  });

  it('lets held answers go on reset, so a test cannot leave the next one waiting', async () => {
    const settings = new ProviderSettings();
    settings.hold('hostup');
    const held = settings.whenOpen('hostup');
    settings.reset();
    expect(await settled(held)).toBe(true);
    expect(await settled(settings.whenOpen('hostup'))).toBe(true);
  });

  it('a second hold replaces the first, releasing what the first held', async () => {
    const settings = new ProviderSettings();
    settings.hold('keliweb');
    const first = settings.whenOpen('keliweb');
    const release = settings.hold('keliweb');
    expect(await settled(first)).toBe(true);
    expect(await settled(settings.whenOpen('keliweb'))).toBe(false);
    release();
    expect(await settled(settings.whenOpen('keliweb'))).toBe(true);
  });
});

describe('ProviderSettings.takeFault', () => {
  it('meets only calls to the fault’s path, counting only those against `times`', () => {
    const settings = new ProviderSettings();
    settings.setFault('kapture', { kind: 'reset', times: 1, path: '/update-ticket-from-other-source.html/v.2.0' });
    expect(settings.takeFault('kapture', '/search-ticket-by-ticket-id.html/v.2.0')).toBeUndefined();
    expect(settings.takeFault('kapture', '/update-ticket-from-other-source.html/v.2.0')).toMatchObject({
      kind: 'reset',
    });
    expect(settings.takeFault('kapture', '/update-ticket-from-other-source.html/v.2.0')).toBeUndefined();
  });

  it('meets every call when the fault names no path', () => {
    const settings = new ProviderSettings();
    settings.setFault('hostup', { status: 503 });
    expect(settings.takeFault('hostup', '/api/support/tickets/1')).toMatchObject({ status: 503 });
    expect(settings.takeFault('hostup', '/other')).toMatchObject({ status: 503 });
  });
});
