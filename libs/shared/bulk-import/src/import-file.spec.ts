import { ImportFileError, readImportFile } from './import-file.js';

const COLUMNS = ['code', 'amount', 'tags'] as const;

describe('reading an import file', () => {
  it('reads CSV with a byte-order mark, trimming cells and counting rows from 1', () => {
    const records = readImportFile('CSV', '\uFEFFcode,amount,tags\n A1 , 12 ,x;y\nB2,,\n', COLUMNS);
    expect(records).toEqual([
      { row: 1, cells: { code: 'A1', amount: '12', tags: 'x;y' }, lists: {} },
      { row: 2, cells: { code: 'B2', amount: null, tags: null }, lists: {} },
    ]);
  });

  it('reads JSON as an array or under its key, keeping lists', () => {
    const rows = [{ code: 'A1', amount: 12, tags: ['x', 'y'] }];
    const expected = [
      {
        row: 1,
        cells: { code: 'A1', amount: '12', tags: '["x","y"]' },
        lists: { tags: ['x', 'y'] },
      },
    ];
    expect(readImportFile('JSON', JSON.stringify(rows), COLUMNS)).toEqual(expected);
    expect(readImportFile('JSON', JSON.stringify({ items: rows }), COLUMNS, 'items')).toEqual(
      expected,
    );
  });

  it('refuses the whole file for an unknown column, naming it', () => {
    const read = () => readImportFile('CSV', 'code,amount,discount\nA1,1,2', COLUMNS);
    expect(read).toThrow(ImportFileError);
    expect(read).toThrow(/discount/);
  });

  it.each([
    ['CSV', 'code,amount\n"unterminated,1'],
    ['JSON', '{"items": 3}'],
    ['JSON', '[1, 2]'],
    ['JSON', 'not json'],
  ] as const)('refuses an unreadable %s file with a coded error', (format, content) => {
    expect(() => readImportFile(format, content, COLUMNS, 'items')).toThrow(ImportFileError);
  });
});
