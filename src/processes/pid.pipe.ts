import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** The path's pid: an integer (a negative one too; the safety rules refuse it with a reason), else 400 naming it. */
@Injectable()
export class PidPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const pid = /^-?\d{1,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(pid)) throw new BadRequestException(['pid must be an integer']);
    return pid;
  }
}
