/** What the command line asks of the standalone server: run it, or print something and exit. */
export type CommandLine = { action: 'run' } | { action: 'print'; text: string; exitCode: number; stream: 'stdout' | 'stderr' };

// Everything is configured through the environment (SPEC §3); the command line only has these two.
const USAGE = `Usage: SentraCoreEngine [--version | --help]

Runs the SentraCore engine: HTTP API on 127.0.0.1 (port from engine-config.json, SENTRACORE_PORT,
ENGINE_PORT or 8740), web console at /, Swagger UI at /docs. Stop it with Ctrl+C or SIGTERM.

Settings come from environment variables (docs/contract.md section 3), among them:
  SENTRACORE_ENGINE_CONFIG  path of engine-config.json (default: beside the executable)
  SENTRACORE_DATA_DIR       datastore root (default: datastore/ beside the executable when it is
                            writable, else %LOCALAPPDATA%\\SentraCore\\datastore on Windows or
                            ~/.local/share/SentraCore/datastore elsewhere)
  SENTRACORE_PORT, SENTRACORE_HOST, SENTRACORE_API_TOKEN

Options:
  --version, -v  print the engine version and exit
  --help, -h     print this help and exit
`;

/** Reads the arguments after the program (no node options: `npm start` and the executable pass none). */
export function commandLine(args: readonly string[], version: string): CommandLine {
  if (args.length === 0) return { action: 'run' };
  const [first] = args;
  if (args.length === 1 && (first === '--version' || first === '-v')) return { action: 'print', text: `${version}\n`, exitCode: 0, stream: 'stdout' };
  if (args.length === 1 && (first === '--help' || first === '-h')) return { action: 'print', text: USAGE, exitCode: 0, stream: 'stdout' };
  return { action: 'print', text: `sentracore: unknown argument: ${args.join(' ')}\n\n${USAGE}`, exitCode: 2, stream: 'stderr' };
}
