import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompanyResolver } from '../../src/link/index.js';
import {
  ListedCompaniesFileError,
  parseListedCompanies,
  withListedCompanies,
} from '../../src/link/listed-companies.js';

const FILE = `code,short_name,full_name,exchange
603871,华辰精密,华辰精密制造股份有限公司,SSE
000001,平安银行,平安银行股份有限公司,SZSE
`;

describe('listed companies file', () => {
  it('reads code, short name, full name and exchange into companies keyed by code', () => {
    assert.deepEqual(parseListedCompanies(FILE)[0], {
      key: '603871',
      name: '华辰精密制造股份有限公司',
      code: '603871',
      shortNames: ['华辰精密'],
    });
  });

  it('refuses a bad file with the line that is wrong', () => {
    for (const [text, message] of [
      ['code,name\n', /first line/],
      [`${FILE}60387,x,华辰有限公司,SSE,extra\n`, /line 4: 5 fields/],
      [`${FILE}12345a,x,华辰有限公司,SSE\n`, /line 4: code/],
      [`${FILE}603871,x,华辰有限公司,SSE\n`, /line 4: code 603871 appears twice/],
      [`${FILE}600001,x,华辰,SSE\n`, /line 4: 华辰 is not a full company name/],
      [`${FILE}600001,x,华辰有限公司,NYSE\n`, /line 4: exchange NYSE/],
    ] as const) {
      assert.throws(
        () => parseListedCompanies(text),
        (e: Error) => e instanceof ListedCompaniesFileError && message.test(e.message),
        message.source,
      );
    }
  });

  it('seeds linking: a short name resolves to a listed company no document has named yet', async () => {
    const gazetteer = withListedCompanies({ findCompanies: async () => [] }, parseListedCompanies(FILE));
    const known = await gazetteer.findCompanies({ names: ['平安银行'], codes: [] });
    assert.deepEqual(
      known.map((c) => c.key),
      ['000001'],
    );
    assert.equal(new CompanyResolver(undefined, known).resolve('平安银行')?.entity.key, '000001');
  });
});
