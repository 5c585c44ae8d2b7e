import { describe, expect, test } from 'vitest';
import { analyzeSms, gsmSeptets, isGsm7 } from '../../shared/domain/gsm';

describe('analyzeSms: GSM-7 when the text allows, otherwise UCS-2', () => {
  test('plain ASCII stays GSM-7, one septet a character', () => {
    expect(analyzeSms('Primaria S6: petitia nr. P-2026-000123 a fost inregistrata.')).toEqual({ encoding: 'GSM-7', segments: 1, units: 59 });
  });

  test.each([
    ['ă', 'Petiția a fost înregistrată'],
    ['â', 'Câmpul'],
    ['î', 'în termen'],
    ['ș (comma below)', 'Ștefănescu'],
    ['ț (comma below)', 'Țintei'],
    ['ş (the legacy cedilla)', 'Ştefan'],
  ])('Romanian %s forces UCS-2', (_, text) => {
    expect(analyzeSms(text).encoding).toBe('UCS-2');
  });

  test('the letters GSM-7 does have (é è à ä ö ü ñ, Greek capitals) keep GSM-7', () => {
    expect(analyzeSms('café à Zürich, señor ÄÖÜ ΔΦΓΛΩ').encoding).toBe('GSM-7');
    expect(isGsm7('Ioana Stefanescu, str. Tintei 5')).toBe(true);
  });

  test('€ and [ count twice (the extension table), and so do ^ { } \\ ~ ] |', () => {
    for (const c of '€[]^{}\\~|') expect(gsmSeptets(c)).toBe(2);
    expect(analyzeSms('Taxa: 10 €').units).toBe(11);
    expect(analyzeSms('[nr]').units).toBe(6);
    expect(analyzeSms('a').units).toBe(1);
  });

  test('160 GSM-7 septets are one message, 161 are two parts of 153', () => {
    expect(analyzeSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(analyzeSms('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    expect(analyzeSms('a'.repeat(306)).segments).toBe(2);
    expect(analyzeSms('a'.repeat(307)).segments).toBe(3);
  });

  test('80 euro signs are 160 septets (one message); 81 need two parts', () => {
    expect(analyzeSms('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(analyzeSms('€'.repeat(81)).segments).toBe(2);
  });

  test('an escape pair is never split between parts: 152 septets then € opens a new part', () => {
    // 152 + 2 = 154 > 153: the € goes whole into part two.
    expect(analyzeSms(`${'a'.repeat(152)}€${'a'.repeat(10)}`).segments).toBe(2);
    // 152 + 2 + 151 = 305 septets, which would fit two parts of 153 only if the pair were split.
    expect(analyzeSms(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', segments: 3, units: 306 });
  });

  test('70 UCS-2 characters are one message, 71 are two parts of 67', () => {
    expect(analyzeSms('ț'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(analyzeSms('ț'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, units: 71 });
    expect(analyzeSms('ț'.repeat(134)).segments).toBe(2);
    expect(analyzeSms('ț'.repeat(135)).segments).toBe(3);
  });

  test('a character outside the BMP (an emoji) takes two UCS-2 units', () => {
    expect(analyzeSms('👍')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2 });
  });

  test('the registration notice in correct Romanian goes as UCS-2: 163 units, 3 parts of 67', () => {
    const sms = 'Primăria S6: petiția nr. P-2026-000123 a fost înregistrată. Cod: 7K2M-9QXD-4HNP-WZ3R. Urmărire: https://petitii.test/urmarire/P-2026-000123?cod=7K2M-9QXD-4HNP-WZ3R';
    const info = analyzeSms(sms);
    expect(info.encoding).toBe('UCS-2');
    expect(info.units).toBe(sms.length);
    expect(info.units).toBe(163);
    expect(info.segments).toBe(3);
  });

  test('the same text without diacritics would be GSM-7 and 1 part', () => {
    expect(analyzeSms('Primaria S6: petitia nr. P-2026-000123 a fost inregistrata. Cod: 7K2M-9QXD-4HNP-WZ3R. Urmarire: https://petitii.test/urmarire/P-2026-000123')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  test('an empty text is one (empty) message', () => {
    expect(analyzeSms('')).toEqual({ encoding: 'GSM-7', segments: 1, units: 0 });
  });
});
