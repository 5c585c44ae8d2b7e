// A small structured logger: one JSON line per entry in production, quiet in tests.
export type Logger = {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
};

export function createLogger({ silent = false, pretty = false } = {}): Logger {
  const write = (level: string) => (msg: string, data?: Record<string, unknown>) => {
    if (silent) return;
    const line = pretty
      ? `${level.toUpperCase().padEnd(5)} ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`
      : JSON.stringify({ level, time: new Date().toISOString(), msg, ...data });
    (level === 'error' ? console.error : console.log)(line);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = createLogger({ silent: true });
