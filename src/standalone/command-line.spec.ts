import { describe, expect, it } from '@jest/globals';
import { commandLine } from './command-line.js';

describe('commandLine', () => {
  it('runs the engine with no arguments (how the dashboard starts it)', () => {
    expect(commandLine([], '1.2.3')).toEqual({ action: 'run' });
  });

  it.each(['--version', '-v'])('%s prints the version alone and exits 0', (flag) => {
    expect(commandLine([flag], '1.2.3')).toEqual({ action: 'print', text: '1.2.3\n', exitCode: 0, stream: 'stdout' });
  });

  it.each(['--help', '-h'])('%s prints the usage, naming the settings, and exits 0', (flag) => {
    const result = commandLine([flag], '1.2.3');
    expect(result).toMatchObject({ action: 'print', exitCode: 0, stream: 'stdout' });
    const text = result.action === 'print' ? result.text : '';
    expect(text).toMatch(/^Usage: SentraCoreEngine/);
    for (const name of ['SENTRACORE_ENGINE_CONFIG', 'SENTRACORE_DATA_DIR', '--version', '--help']) expect(text).toContain(name);
  });

  it.each([[['--port', '9000']], [['--version', '--help']], [['start']]])('refuses %j with the usage on stderr and exit code 2', (args) => {
    const result = commandLine(args, '1.2.3');
    expect(result).toMatchObject({ action: 'print', exitCode: 2, stream: 'stderr' });
    expect(result.action === 'print' && result.text).toContain(`unknown argument: ${args.join(' ')}`);
  });
});
