import { describe, expect, it } from '@jest/globals';
import { errorText, messagesFor } from './errors';

describe('errorText', () => {
  it.each([
    [
      { statusCode: 400, message: ['alert_cpu_percent must be a number', 'property x should not exist'] },
      'alert_cpu_percent must be a number; property x should not exist',
    ],
    [{ statusCode: 401, message: 'a valid "Authorization: Bearer <token>" header is required' }, 'a valid "Authorization: Bearer <token>" header is required'],
    [{ ok: false, error: 'Process not found' }, 'Process not found'],
    [
      { detail: [{ loc: ['query', 'limit'], msg: 'ensure this value is less than or equal to 2000' }] },
      'query.limit: ensure this value is less than or equal to 2000',
    ],
    ['plain text', 'plain text'],
    [{}, null],
    [undefined, null],
  ])('%j → %j', (body, text) => {
    expect(errorText(body)).toBe(text);
  });
});

describe('messagesFor', () => {
  it('keeps the messages that name the field, as whole words', () => {
    const text = 'Saving: alert_cpu_percent must be a number; safeguard_process_names must be an array; alert_cpu_percent_x is unknown';
    expect(messagesFor('alert_cpu_percent', text)).toEqual(['Saving: alert_cpu_percent must be a number']);
    expect(messagesFor('safeguard_process_names', text)).toEqual(['safeguard_process_names must be an array']);
  });
});
