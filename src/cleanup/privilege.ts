import { execFile } from 'node:child_process';

/** Whether the engine runs with administrator rights (root, or an elevated Windows token). */
export interface Privilege {
  elevated(): Promise<boolean>;
}

export const PRIVILEGE = Symbol('CLEANUP_PRIVILEGE');

/** `net session` succeeds only in an elevated Windows process: the usual cheap probe. */
function windowsElevated(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('net', ['session'], { timeout: 5000, windowsHide: true }, (error) => resolve(!error));
  });
}

/** The real process's rights, probed once. */
export class ProcessPrivilege implements Privilege {
  private probe?: Promise<boolean>;

  elevated(): Promise<boolean> {
    this.probe ??= process.platform === 'win32' ? windowsElevated() : Promise.resolve(process.geteuid?.() === 0);
    return this.probe;
  }
}
