import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maskSecrets, maskSecretsDeep, maskUrl } from '../../../src/core/config/mask.js';

describe('maskSecrets: one function for every output and record', () => {
  const cases: [string, string, string][] = [
    ['user-info password', 'postgresql://user:s3cret@db:5432/rag', 'postgresql://user:****@db:5432/rag'],
    ['user-info in a sentence', 'cannot open postgres://bbj:pa%40ss@h/db now', 'cannot open postgres://bbj:****@h/db now'],
    ['?password= query parameter', 'postgresql://db:5432/rag?password=s3cret&sslmode=require', 'postgresql://db:5432/rag?password=****&sslmode=require'],
    ['&password= after other parameters', 'postgresql://u@db/rag?sslmode=disable&password=s3cret', 'postgresql://u@db/rag?sslmode=disable&password=****'],
    ['sslpassword parameter', 'postgresql://db/rag?sslpassword=s3cret', 'postgresql://db/rag?sslpassword=****'],
    ['keyword/value string', 'host=db port=5432 user=bbj password=s3cret dbname=rag', 'host=db port=5432 user=bbj password=**** dbname=rag'],
    ['quoted keyword value with spaces', "host=db password='s3 cret' dbname=rag", 'host=db password=**** dbname=rag'],
    ['spaces around =', 'host=db password = s3cret', 'host=db password = ****'],
    ['an environment assignment', 'PGPASSWORD=s3cret psql', 'PGPASSWORD=**** psql'],
    ['a token in a URL', 'https://example.com/feed?token=abc123&x=1', 'https://example.com/feed?token=****&x=1'],
    ['user:password@ without a scheme', 'not a url user:s3cret@x', 'not a url user:****@x'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => {
      assert.equal(maskSecrets(input), expected);
      assert.ok(!maskSecrets(input).includes('s3cret') && !maskSecrets(input).includes('abc123'));
      assert.equal(maskSecrets(maskSecrets(input)), expected, 'idempotent');
    });
  }

  test('text without secrets is unchanged', () => {
    for (const text of ['postgresql://db/rag', 'https://host:8080/path/user@example', 'pglite:/data/db', 'paths[0] = "docs" not found', 'user=bbj host=db']) {
      assert.equal(maskSecrets(text), text);
    }
  });

  test('deep masking of a --json result; maskUrl is the same function', () => {
    const masked = maskSecretsDeep({ store: 'postgresql://u:s3cret@h/db', issues: ['host=h password=s3cret'], n: 3, ok: true });
    assert.deepEqual(masked, { store: 'postgresql://u:****@h/db', issues: ['host=h password=****'], n: 3, ok: true });
    assert.equal(maskUrl('postgresql://db?password=s3cret'), 'postgresql://db?password=****');
  });
});
