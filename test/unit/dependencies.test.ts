import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  readonly version?: string;
  readonly dev?: boolean;
  readonly engines?: { readonly node?: string };
}

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  readonly packages: Record<string, LockedPackage>;
};
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  readonly engines: { readonly node: string };
};

/** The first release of each Node line the project supports (`engines`: 20.19 and later, 22, 24). */
const SUPPORTED = ['20.19.0', '22.11.0', '24.0.0'];

describe('what production installs', () => {
  it('declares the Node lines the project supports', () => {
    for (const version of SUPPORTED) expect(semver.satisfies(version, manifest.engines.node)).toBe(true);
  });

  // `npm ci --omit=dev` (the production image) installs these; a test-only tool may still ask for
  // a newer Node than it needs, which is only an `npm ci` warning on a developer's Node 20.
  it('holds no package whose engines refuse a supported Node', () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && entry.engines?.node)
      .flatMap(([path, entry]) =>
        SUPPORTED.filter((version) => !semver.satisfies(version, entry.engines!.node!)).map(
          (version) => `${path}@${entry.version} asks for node ${entry.engines!.node}, refusing ${version}`,
        ),
      );
    expect(refused).toEqual([]);
  });
});
