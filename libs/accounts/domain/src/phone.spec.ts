import { checkChinesePhone, maskPhone, normaliseEmail } from './phone.js';

describe('Chinese phone numbers', () => {
  it.each([
    ['138 0591 2345', '+8613805912345', 'MOBILE'],
    ['+86 138-0591-2345', '+8613805912345', 'MOBILE'],
    ['008619912345678', '+8619912345678', 'MOBILE'],
    ['8617012345678', '+8617012345678', 'MOBILE'],
    ['0592-5551234', '+865925551234', 'LANDLINE'],
    ['(0591) 8765 4321', '+8659187654321', 'LANDLINE'],
    ['010 6552 8888', '+861065528888', 'LANDLINE'],
    ['+86 21 5012 3456', '+862150123456', 'LANDLINE'],
  ])('stores %s as %s', (raw, e164, kind) => {
    expect(checkChinesePhone(raw)).toEqual({ valid: true, e164, kind });
  });

  it.each([
    ['12345678901', 'no mobile prefix 12x'],
    ['1380591234', 'ten digits'],
    ['138059123456', 'twelve digits'],
    ['+1 415 555 0100', 'a foreign number'],
    ['0592-1551234', 'a subscriber number starting with 1'],
    ['010 6552 888', 'seven digits after a three-digit area code'],
    ['call me', 'letters'],
  ])('refuses %s (%s)', (raw) => {
    expect(checkChinesePhone(raw).valid).toBe(false);
  });

  it('masks all but the prefix and the last four digits', () => {
    expect(maskPhone('+8613805912345')).toBe('+86 138****2345');
  });
});

describe('e-mail addresses', () => {
  it('lower-cases the domain only', () => {
    expect(normaliseEmail(' Li.Wei@XMAirport.COM.cn ')).toBe('Li.Wei@xmairport.com.cn');
  });

  it.each(['li.wei', 'li wei@example.com', 'li@localhost', '@example.com'])('refuses %s', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });
});
