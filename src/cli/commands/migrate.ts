import { LATEST_SCHEMA_VERSION, migrationScript, SCHEMA_NAME_PATTERN } from '../../index.js';
// Types only: the entry itself (and with it the optional pg package) is loaded when a migration runs.
import type { postgresStore } from '../../postgres/index.js';
import type { CliCommand } from '../command.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** The `planwright/postgres` entry, loaded only when a migration runs (it needs the optional `pg` package). */
type PostgresEntry = { postgresStore: typeof postgresStore };

async function loadPostgresEntry(): Promise<PostgresEntry | string> {
  try {
    return await import('../../postgres/index.js');
  } catch (error) {
    return `cannot load the PostgreSQL store (${(error as Error).message}); install the pg package: npm install pg`;
  }
}

/**
 * `planwright migrate --pg-url <url> [--schema <name>]`: creates or upgrades the PostgreSQL store's
 * tables; `--print-sql` prints the script instead, for DBAs who run DDL themselves.
 */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'create or upgrade the PostgreSQL store tables (or print the SQL)',
  usage: 'migrate --pg-url <url> [--schema <name>] [--json]\nmigrate --print-sql [--schema <name>] [--from <version>]',
  description: [
    'Creates the schema and tables planwright/postgres uses, or upgrades them to this planwright\'s',
    'layout version. Safe to run again, and from several processes at once (an advisory lock).',
    'With --print-sql nothing is connected: the SQL script is printed for a DBA to review and run',
    '(one transaction; it refuses to run unless the schema is at --from, default 0 = empty).',
    'Engines then run with postgresStore({ ..., autoMigrate: false }).',
    'Exit code: 0 done (or already current), 1 the database refused, 2 bad arguments or pg not installed.',
  ].join('\n'),
  translations: {
    'zh-CN': {
      summary: '创建或升级 PostgreSQL 存储的数据表（或打印 SQL）',
      usage: 'migrate --pg-url <连接串> [--schema <模式名>] [--json]\nmigrate --print-sql [--schema <模式名>] [--from <版本>]',
      description: [
        '创建 planwright/postgres 所用的数据库模式和数据表，或升级到本版 planwright 的表结构版本。',
        '可以重复运行，也可以多个进程同时运行（有咨询锁保护）。',
        '加 --print-sql 时不连接数据库，只打印迁移脚本，供数据库管理员审阅后执行',
        '（一个事务；模式不在 --from 所给版本时拒绝执行，默认 0 即空模式）。',
        '之后引擎的存储可关闭自动迁移。',
        '退出码：0 已完成（或已是最新），1 数据库拒绝，2 参数有误或未安装数据库驱动。',
      ].join('\n'),
      optionHelp: [
        ['--pg-url <连接串>', 'PostgreSQL 连接串，例如 postgres://user@host:5432/db（默认取 $PLANWRIGHT_PG_URL）'],
        ['--schema <模式名>', '存放数据表的模式（默认 planwright）'],
        ['--print-sql', '打印迁移脚本而不执行'],
        ['--from <版本>', '与 --print-sql 同用：模式当前的表结构版本（默认 0，空模式）'],
      ],
    },
  },
  options: {
    'pg-url': { type: 'string' },
    schema: { type: 'string' },
    'print-sql': { type: 'boolean' },
    from: { type: 'string' },
  },
  optionHelp: [
    ['--pg-url <url>', 'PostgreSQL connection string, e.g. postgres://user@host:5432/db (default: $PLANWRIGHT_PG_URL)'],
    ['--schema <name>', 'schema of the store\'s tables (default planwright)'],
    ['--print-sql', 'print the migration script instead of running it'],
    ['--from <version>', 'with --print-sql: the layout version the schema is at now (default 0, empty)'],
  ],
  async run({ io, positionals, values }) {
    const schema = typeof values['schema'] === 'string' ? values['schema'] : 'planwright';
    const json = values['json'] === true;
    if (positionals.length > 0) {
      io.stderr(`planwright migrate: unexpected argument "${positionals[0]}"; see planwright migrate --help\n`);
      return EXIT_USAGE;
    }
    if (!SCHEMA_NAME_PATTERN.test(schema)) {
      io.stderr(`planwright migrate: invalid schema name "${schema}": use lower-case letters, digits and "_", starting with a letter or "_"\n`);
      return EXIT_USAGE;
    }
    if (values['print-sql'] === true) {
      const fromText = typeof values['from'] === 'string' ? values['from'] : '0';
      const from = /^\d{1,6}$/.test(fromText) ? Number(fromText) : Number.NaN;
      if (!(from >= 0 && from <= LATEST_SCHEMA_VERSION)) {
        io.stderr(`planwright migrate: --from takes a layout version from 0 to ${LATEST_SCHEMA_VERSION}, not "${fromText}"\n`);
        return EXIT_USAGE;
      }
      io.stdout(migrationScript(schema, `"${schema}"`, from));
      return EXIT_OK;
    }
    const url = typeof values['pg-url'] === 'string' ? values['pg-url'] : process.env['PLANWRIGHT_PG_URL'];
    if (url === undefined || url === '') {
      io.stderr('planwright migrate: give the database with --pg-url postgres://user@host:5432/db (or set PLANWRIGHT_PG_URL), or use --print-sql\n');
      return EXIT_USAGE;
    }
    const postgres = await loadPostgresEntry();
    if (typeof postgres === 'string') {
      io.stderr(`planwright migrate: ${postgres}\n`);
      return EXIT_USAGE;
    }
    const store = postgres.postgresStore({ connectionString: url, schema, max: 1, autoMigrate: false });
    try {
      const { from, to } = await store.migrate();
      if (json) io.stdout(`${JSON.stringify({ ok: true, schema, from, to })}\n`);
      else io.stdout(from === to ? `schema ${schema}: already at layout version ${to}\n` : `schema ${schema}: migrated from layout version ${from} to ${to}\n`);
      return EXIT_OK;
    } catch (error) {
      const message = (error as Error).message;
      if (json) io.stdout(`${JSON.stringify({ ok: false, schema, error: message })}\n`);
      else io.stderr(`planwright migrate: schema ${schema}: ${message}\n`);
      return EXIT_FAILED;
    } finally {
      await store.close();
    }
  },
};
