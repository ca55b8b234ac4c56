#!/usr/bin/env node
// Cross-language check of the Sitrep API with an independent gRPC stack (grpc-js).
//
// Loads the project's .proto files (proto/src/main/proto, plus the google/api protos that the
// Maven build unpacks into server/target/google-protos), connects to a running server, pages
// through every collection with page_size 5 and prints one line per collection:
//
//   count sources 34
//
// then checks that each Create with an empty request is refused with INVALID_ARGUMENT:
//
//   refused CreateSource INVALID_ARGUMENT
//
// Exits non-zero on any failure. Usage: node page-all.mjs --port 50051 [--host 127.0.0.1]
//   [--google-protos DIR]   (default: the first of server/target/google-protos and
//                            proto/target/third-party-protos that exists; run ./mvnw install first)

import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const PAGE_SIZE = 5;
const DEADLINE_MS = 10_000;

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'google-protos': { type: 'string' },
  },
});
if (!args.port) {
  console.error('usage: node page-all.mjs --port N [--host ADDR] [--google-protos DIR]');
  process.exit(2);
}

function googleProtosDir() {
  const candidates = args['google-protos']
    ? [resolve(args['google-protos'])]
    : [join(repoRoot, 'server/target/google-protos'), join(repoRoot, 'proto/target/third-party-protos')];
  const found = candidates.find((dir) => existsSync(join(dir, 'google/api/field_behavior.proto')));
  if (!found) {
    throw new Error(`google/api protos not found in ${candidates.join(' or ')}; run ./mvnw install first`);
  }
  return found;
}

const sitrepProtos = join(repoRoot, 'proto/src/main/proto');
const files = readdirSync(join(sitrepProtos, 'sitrep/v1'))
  .filter((f) => f.endsWith('.proto'))
  .map((f) => `sitrep/v1/${f}`);
const definition = protoLoader.loadSync(files, {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [sitrepProtos, googleProtosDir()],
});
const v1 = grpc.loadPackageDefinition(definition).sitrep.v1;

const address = `${args.host}:${args.port}`;
const credentials = grpc.credentials.createInsecure();

// Collection, service, list method, response field, create method.
const collections = [
  ['sources', 'SourceService', 'ListSources', 'sources', 'CreateSource'],
  ['reports', 'ReportService', 'ListReports', 'reports', 'CreateReport'],
  ['actors', 'ActorService', 'ListActors', 'actors', 'CreateActor'],
  ['events', 'EventService', 'ListEvents', 'events', 'CreateEvent'],
  ['claims', 'ClaimService', 'ListClaims', 'claims', 'CreateClaim'],
];

function call(client, method, request) {
  return new Promise((resolvePromise, reject) => {
    client[method](request, { deadline: Date.now() + DEADLINE_MS }, (err, response) =>
      err ? reject(err) : resolvePromise(response));
  });
}

const codeName = (code) => Object.keys(grpc.status).find((k) => grpc.status[k] === code) ?? String(code);

let failures = 0;
function fail(message) {
  failures++;
  console.error(`FAIL ${message}`);
}

for (const [collection, service, list, field, create] of collections) {
  const client = new v1[service](address, credentials);
  try {
    const seen = new Set();
    let token = '';
    let pages = 0;
    do {
      const page = await call(client, list, { page_size: PAGE_SIZE, page_token: token });
      if (page[field].length > PAGE_SIZE) {
        fail(`${list} returned ${page[field].length} items for page_size ${PAGE_SIZE}`);
      }
      for (const resource of page[field]) {
        if (seen.has(resource.name)) {
          fail(`${list} returned ${resource.name} twice`);
        }
        seen.add(resource.name);
      }
      token = page.next_page_token;
      pages++;
    } while (token !== '');
    console.log(`count ${collection} ${seen.size}`);
    console.log(`pages ${collection} ${pages}`);

    try {
      const created = await call(client, create, {});
      fail(`${create} with an empty request was accepted: ${created.name}`);
    } catch (err) {
      if (err.code === grpc.status.INVALID_ARGUMENT) {
        console.log(`refused ${create} ${codeName(err.code)}`);
      } else {
        fail(`${create} with an empty request: expected INVALID_ARGUMENT, got ${codeName(err.code)}: ${err.details}`);
      }
    }
  } catch (err) {
    fail(`${collection}: ${codeName(err.code)} ${err.details ?? err.message}`);
  } finally {
    client.close();
  }
}

if (failures > 0) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('ok');
