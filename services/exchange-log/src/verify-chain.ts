// `node -r @swc-node/register services/exchange-log/src/verify-chain.ts`: recomputes
// the hash chain in DATABASE_URL and prints the result; exits 1 at a broken link.
import pg from 'pg';
import { DisclosureLog } from './persistence/disclosure-log';

async function main(): Promise<number> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    console.error('DATABASE_URL is not set');
    return 2;
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const result = await new DisclosureLog(pool).verify();
    console.log(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
