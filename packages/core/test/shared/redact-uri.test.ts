import { isCredentialName, redactUri, uriCredentials } from '../../src/shared/redact-uri.js';

describe('redactUri', () => {
  test.each([
    // userinfo ends at the last @ of the authority: passwords may hold @ and :
    ['prometheus+http://alice:Pw@Secret1@host:9090/prom', 'prometheus+http://host:9090/prom'],
    ['oci://bob:p:a:s:s@registry.example/models', 'oci://registry.example/models'],
    ['https://token-only@host/x', 'https://host/x'],
    ['mlflow+https://u:%40pw%3Ax@mlflow.example', 'mlflow+https://mlflow.example'],
    // no userinfo, an @ in the path, query or fragment: untouched
    ['https://host:8080/a@b/c', 'https://host:8080/a@b/c'],
    ['https://host/x?email=a@b.c', 'https://host/x?email=a@b.c'],
    ['https://host/x#a@b', 'https://host/x#a@b'],
    ['http://[::1]:9090/prom', 'http://[::1]:9090/prom'],
    ['http://u:p@ss@[::1]:9090/', 'http://[::1]:9090/'],
    ['file:///tmp/registry', 'file:///tmp/registry'],
    ['./registry', './registry'],
    ['command:./set-weights.sh --token abc', 'command:./set-weights.sh --token abc'],
    // credentials in the query and the fragment
    ['http-json+https://svc/m?api_key=K1&variant=a', 'http-json+https://svc/m?api_key=***&variant=a'],
    ['https://h/p?a=1&token=T&access_token=A;password=P&sig=S&x=2', 'https://h/p?a=1&token=***&access_token=***;password=***&sig=***&x=2'],
    ['https://acct.blob.core.windows.net/c/b?sv=2021&se=2030&sig=abc%2Bdef', 'https://acct.blob.core.windows.net/c/b?sv=2021&se=2030&sig=***'],
    ['https://s3/b/k?X-Amz-Credential=AK&X-Amz-Signature=SS&X-Amz-Expires=60', 'https://s3/b/k?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Expires=60'],
    ['https://h/cb#access_token=AT&state=s', 'https://h/cb#access_token=***&state=s'],
    ['https://h/?apiKey=k&privateToken=t&client_secret=c', 'https://h/?apiKey=***&privateToken=***&client_secret=***'],
    ['https://h/?token=', 'https://h/?token='],
  ])('%s', (input, shown) => {
    expect(redactUri(input)).toBe(shown);
  });

  test('inside free text: every URI in a message, the message kept', () => {
    const message =
      'Cannot reach the registry https://alice:Pw@Secret1@127.0.0.1:1 (Request cannot be constructed from a URL that includes credentials: https://alice:Pw@Secret1@127.0.0.1:1/v2/x/tags/list?n=1000); check it.';
    expect(redactUri(message)).toBe(
      'Cannot reach the registry https://127.0.0.1:1 (Request cannot be constructed from a URL that includes credentials: https://127.0.0.1:1/v2/x/tags/list?n=1000); check it.',
    );
    expect(redactUri("Metrics source 'prometheus+http://a:b@h?api_key=K' is not a Prometheus URL.")).toBe(
      "Metrics source 'prometheus+http://h?api_key=***' is not a Prometheus URL.",
    );
    expect(redactUri('"router": "http://u:p@lb:8080", "x": 1')).toBe('"router": "http://lb:8080", "x": 1');
  });

  test('idempotent, and a redacted URI names no credential', () => {
    const uri = 'prometheus+http://alice:Pw@Secret1@host?api_key=K&token=T';
    expect(redactUri(redactUri(uri))).toBe(redactUri(uri));
    expect(uriCredentials(redactUri(uri))).toEqual([]);
  });
});

describe('uriCredentials', () => {
  test('passwords, token user names and credential parameters, raw and decoded', () => {
    expect(uriCredentials('prometheus+http://alice:Pw@Secret1@host?api_key=K%2B1&n=5')).toEqual(['Pw@Secret1', 'K%2B1', 'K+1']);
    expect(uriCredentials('see https://ghp_abc@github.com/x and mlflow+https://u:%40p@h')).toEqual(['ghp_abc', '%40p', '@p']);
    expect(uriCredentials('https://host/a@b?email=a@b.c')).toEqual([]);
    expect(uriCredentials('plain text, no URI')).toEqual([]);
  });

  test('credential names', () => {
    for (const name of ['api_key', 'apikey', 'API-KEY', 'token', 'access_token', 'password', 'sig', 'X-Amz-Signature', 'privateToken', 'client_secret', 'auth'])
      expect(isCredentialName(name)).toBe(true);
    for (const name of ['n', 'variant', 'stages', 'email', 'sv', 'se', 'query', 'design']) expect(isCredentialName(name)).toBe(false);
  });
});
