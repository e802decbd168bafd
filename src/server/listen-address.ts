/** `host:port` as a URL writes it: an IPv6 address in brackets (RFC 3986 §3.2.2), `[::1]:4000`. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** What to change when listening fails with a code, in the words of the variables that set it. */
const ADVICE: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the port is in use (set PORT to another)',
  EACCES: 'not allowed to use the port (set PORT to one above 1023)',
  EADDRNOTAVAIL: 'no interface of this machine has the address (set HOST)',
  ENOTFOUND: 'the host name does not resolve (set HOST)',
};

/** The one line start-up prints when the server cannot listen on `HOST`:`PORT`. */
export function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  const advice = (error.code !== undefined && ADVICE[error.code]) || error.message;
  return `cannot listen on ${hostPort(host, port)}: ${advice}`;
}
