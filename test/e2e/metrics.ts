/** Reads a Prometheus text exposition: the summed value of every series of `name` whose labels include `labels`. */
export async function readMetrics(
  gatewayUrl: string,
): Promise<(name: string, labels?: Record<string, string>) => number> {
  const response = await fetch(new URL('/metrics', gatewayUrl));
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  const series = (await response.text())
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1]!, label[2]!]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
  return (name, labels = {}) =>
    series
      .filter(
        (sample) =>
          sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )
      .reduce((sum, sample) => sum + sample.value, 0);
}
