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

describe('ProviderSettings.setFault', () => {
  it.each([[199], [600], [200.5]])('refuses an httpStatus of %s', (httpStatus) => {
    expect(() => new ProviderSettings().setFault('sweeppea', { status: 403, httpStatus })).toThrow(
      `httpStatus must be a whole number from 200 to 599, got ${httpStatus}`,
    );
  });
});

describe('ProviderSettings.takeFault', () => {
  it('gives a fault with a path only to calls whose path matches, counting only those against times', () => {
    const settings = new ProviderSettings();
    settings.setFault('hostup', { status: 405, path: /\/actions\/close$/, times: 2 });
    expect(settings.takeFault('hostup', '/api/v2/support/tickets/616828')).toBeUndefined();
    expect(settings.takeFault('hostup', '/api/v2/support/tickets/616828/actions/close')).toMatchObject({ status: 405 });
    expect(settings.takeFault('hostup', '/api/v2/support/tickets/616828/messages')).toBeUndefined();
    expect(settings.takeFault('hostup', '/api/v2/support/tickets/1/actions/close')).toMatchObject({ status: 405 });
    expect(settings.takeFault('hostup', '/api/v2/support/tickets/1/actions/close')).toBeUndefined();
  });

  it('matches the same path every time, even with a global regular expression', () => {
    const settings = new ProviderSettings();
    settings.setFault('hostup', { kind: 'reset', path: /messages/g });
    for (let call = 0; call < 3; call += 1) {
      expect(settings.takeFault('hostup', '/api/v2/support/tickets/1/messages')).toMatchObject({ kind: 'reset' });
    }
  });

  it('gives a fault without a path to every call', () => {
    const settings = new ProviderSettings();
    settings.setFault('kapture', { status: 500 });
    expect(settings.takeFault('kapture', '/anything')).toMatchObject({ status: 500 });
    expect(settings.takeFault('sweeppea', '/anything')).toBeUndefined();
  });
});
