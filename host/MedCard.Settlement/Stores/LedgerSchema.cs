using System.Collections.Generic;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The versioned schema. The version lives in meta('schema_version'). Migrations only ever append:
/// to change the schema add a step with the next number; never edit a shipped step.
/// Money columns are BIGINT fen; times are BIGINT Unix milliseconds UTC; enums are their numeric values.
/// </summary>
public static class LedgerSchema
{
    /// <summary>The schema version this library writes.</summary>
    public const int CurrentVersion = 8;

    internal static IReadOnlyList<string> Step(int version) => version switch
    {
        1 => Version1,
        2 => Version2,
        3 => Version3,
        4 => Version4,
        5 => Version5,
        6 => Version6,
        7 => Version7,
        8 => Version8,
        _ => [],
    };

    internal const string CreateMeta = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)";

    /// <summary>
    /// Version 4: regions and inter-region clearing. Every existing institution and person gets the home region
    /// ('home', whose policies stay in the policies table), so a single-region ledger settles exactly as before.
    /// region_policies holds the policies of the other regions; clearings holds one row per remote settlement (kind 1)
    /// and per refund of one (kind 2, the negated amount): the treatment region's fund advanced the amount, the insured
    /// region's fund owes it.
    /// </summary>
    private static readonly string[] Version4 =
    [
        "CREATE TABLE regions (region_code TEXT PRIMARY KEY, name TEXT NOT NULL)",
        "INSERT INTO regions (region_code, name) VALUES ('home', 'Home region')",
        @"CREATE TABLE region_policies (region_code TEXT NOT NULL REFERENCES regions (region_code), visit_type BIGINT NOT NULL,
            deductible BIGINT NOT NULL, copay_bp BIGINT NOT NULL, fund_cap BIGINT NOT NULL, PRIMARY KEY (region_code, visit_type))",
        "ALTER TABLE institutions ADD COLUMN region_code TEXT NOT NULL DEFAULT 'home'",
        "ALTER TABLE persons ADD COLUMN insured_region TEXT NOT NULL DEFAULT 'home'",
        @"CREATE TABLE clearings (
            reader_id BIGINT NOT NULL, counter BIGINT NOT NULL, kind BIGINT NOT NULL, paid_by_region TEXT NOT NULL,
            owed_by_region TEXT NOT NULL, amount BIGINT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (reader_id, counter, kind))",
        "CREATE INDEX clearings_at ON clearings (at)",
    ];

    /// <summary>
    /// Version 2: the readers table becomes the one durable reader store: besides the last counter, the chain position
    /// (MAC and host nonce of the last record filed) and the reader's key with its fingerprint. The chain columns are
    /// written in the same transaction as the settlement or void of the record, so the chain never runs ahead of the
    /// ledger.
    /// </summary>
    /// <summary>
    /// Version 3: keyed PIN verification. pin_key_id names the PIN verification key of a keyed value (then pin_hash is
    /// the HMAC-SHA256 verification value, pin_salt empty, pin_iterations 0); NULL marks a PBKDF2 hash from before,
    /// which keeps verifying and is replaced at the holder's next right PIN.
    /// </summary>
    /// <summary>
    /// Version 5: monthly personal-account credits. One row per person and month (the primary key is what makes a
    /// credit run idempotent: a rerun finds the row and credits nothing again); entry_id is its AccountCredit journal
    /// entry; statement_id is the statement that printed it (NULL until printed), like card_records.statement_id.
    /// Month is year * 100 + month (202611).
    /// On PostgreSQL the foreign key postings -> entries goes: it is checked by a trigger per posting row, which half
    /// the cost of writing the two million postings of a million-account credit run. Postings are only ever written by
    /// this library, right after their entry in the same transaction; LedgerAudit checks that every posting has its
    /// entry. (SQLite checks a foreign key in-process through the index, cheaply; it keeps it.)
    /// </summary>
    private static readonly string[] Version5 =
    [
        @"CREATE TABLE account_credits (resident_id TEXT NOT NULL, month BIGINT NOT NULL, amount BIGINT NOT NULL CHECK (amount > 0),
            entry_id BIGINT NOT NULL, credited_at BIGINT NOT NULL, statement_id BIGINT, PRIMARY KEY (resident_id, month))",
        SqlDialect.PostgresOnly + "ALTER TABLE postings DROP CONSTRAINT IF EXISTS postings_entry_id_fkey",
    ];

    /// <summary>
    /// Version 6: e-card tokens and accepting institutions (ecard_tokens, ecard_institutions), and the card-number lookup
    /// password of each person. No row means the scheme's default password (the birth date in the resident ID) with every
    /// try left; a row with a NULL hash is the default password with tries spent; a
    /// hash is a changed password, stored as a PIN is (keyed verification value or PBKDF2, see PinProtection), bound to
    /// the person and the purpose. tries_left follows the PIN's rules (spent before the compare, restored by a right one).
    /// </summary>
    private static readonly string[] Version6 =
    [
        @"CREATE TABLE lookup_passwords (
            resident_id TEXT PRIMARY KEY REFERENCES persons (resident_id), salt {blob}, hash {blob}, iterations BIGINT, key_id TEXT,
            tries_left BIGINT NOT NULL CHECK (tries_left >= 0))",
        // E-cards: each issued token (single use: used_at set in the transaction of its settlement), and the institutions
        // that accept e-cards.
        @"CREATE TABLE ecard_tokens (token_id TEXT PRIMARY KEY, card_number TEXT NOT NULL REFERENCES cards (card_number),
            issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT)",
        "CREATE TABLE ecard_institutions (institution_id TEXT PRIMARY KEY REFERENCES institutions (institution_id))",
    ];

    /// <summary>
    /// Version 7: the index of postings by account goes. Every settlement wrote one entry into it per posting (three to
    /// five, each on a different leaf: institution, fund, person, cash), the largest share of the pages a settlement's
    /// commit flushes, and nothing a settlement, refund, statement or the audit reads used it: balances live on the
    /// person row, statements read card records, the audit sums every account in one scan. A single account's total
    /// (<see cref="LedgerSession.GetAccountTotalAsync"/>) is now a scan of the postings, a report's cost and not a
    /// settlement's.
    /// </summary>
    private static readonly string[] Version7 =
    [
        "DROP INDEX IF EXISTS postings_account",
    ];

    /// <summary>
    /// Version 8: fewer pages per settlement commit on SQLite, where each page the commit touches is one more WAL frame
    /// written and synced (13 per settlement under version 7, 10 now; a plain insert writes 2).
    /// <list type="bullet">
    /// <item>postings get <c>line</c>, the posting's place in its entry (0, 1, ...), and the key (entry_id, line). On SQLite
    /// the table is then stored in that key's order (WITHOUT ROWID): the postings of an entry are found by the key itself,
    /// and the separate index by entry (one more page per commit) goes. On PostgreSQL the key replaces that index (the same
    /// work per insert) and existing postings are numbered in the order they were stored.</item>
    /// <item>SQLite: settlements are stored in the order of their key (reader, counter) (WITHOUT ROWID): one b-tree, not a
    /// table and its key's index.</item>
    /// <item>SQLite: entries, card_records and statements lose AUTOINCREMENT. Their ids still come from the highest id + 1
    /// (none of these rows is ever deleted, so no id can come back), but no insert writes the sqlite_sequence page any more.</item>
    /// </list>
    /// SQLite rebuilds a table to change how it is stored: a new table, the rows copied, the old one dropped and the new one
    /// renamed, inside the migration's transaction. postings is dropped before entries, so no foreign key ever points at a
    /// dropped table; the rename of entries_v8 also renames the reference in postings_v8 (SQLite 3.26 and later).
    /// </summary>
    private static readonly string[] Version8 =
    [
        SqlDialect.SqliteOnly + @"CREATE TABLE settlements_v8 (
            reader_id BIGINT NOT NULL, counter BIGINT NOT NULL, content_hash BLOB NOT NULL, outcome BIGINT NOT NULL,
            message TEXT NOT NULL, pin_tries_left BIGINT, card_number TEXT NOT NULL, resident_id TEXT, institution_id TEXT NOT NULL,
            visit_type BIGINT NOT NULL, year BIGINT NOT NULL, tx_time BIGINT NOT NULL, total BIGINT NOT NULL, fund BIGINT NOT NULL,
            deductible_applied BIGINT NOT NULL, own_account BIGINT NOT NULL, relative_account BIGINT NOT NULL, relative_id TEXT,
            cash BIGINT NOT NULL, explanation TEXT NOT NULL, entry_id BIGINT, reversal_entry_id BIGINT,
            PRIMARY KEY (reader_id, counter)) WITHOUT ROWID",
        SqlDialect.SqliteOnly + "INSERT INTO settlements_v8 (" + SettlementColumns + ") SELECT " + SettlementColumns + " FROM settlements",
        SqlDialect.SqliteOnly + "DROP TABLE settlements",
        SqlDialect.SqliteOnly + "ALTER TABLE settlements_v8 RENAME TO settlements",

        SqlDialect.SqliteOnly + @"CREATE TABLE entries_v8 (entry_id INTEGER PRIMARY KEY, kind BIGINT NOT NULL, reference TEXT NOT NULL,
            created_at BIGINT NOT NULL, UNIQUE (kind, reference))",
        SqlDialect.SqliteOnly + "INSERT INTO entries_v8 (entry_id, kind, reference, created_at) SELECT entry_id, kind, reference, created_at FROM entries",
        SqlDialect.SqliteOnly + @"CREATE TABLE postings_v8 (entry_id BIGINT NOT NULL REFERENCES entries_v8 (entry_id), line BIGINT NOT NULL,
            account TEXT NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (entry_id, line)) WITHOUT ROWID",
        SqlDialect.SqliteOnly + @"INSERT INTO postings_v8 (entry_id, line, account, amount)
            SELECT entry_id, ROW_NUMBER() OVER (PARTITION BY entry_id ORDER BY rowid) - 1, account, amount FROM postings",
        SqlDialect.SqliteOnly + "DROP TABLE postings",
        SqlDialect.SqliteOnly + "DROP TABLE entries",
        SqlDialect.SqliteOnly + "ALTER TABLE entries_v8 RENAME TO entries",
        SqlDialect.SqliteOnly + "ALTER TABLE postings_v8 RENAME TO postings",

        SqlDialect.SqliteOnly + @"CREATE TABLE card_records_v8 (
            record_id INTEGER PRIMARY KEY, card_number TEXT NOT NULL, original_card_number TEXT NOT NULL, reader_id BIGINT NOT NULL,
            counter BIGINT NOT NULL, tx_time BIGINT NOT NULL, institution_id TEXT NOT NULL, visit_type BIGINT NOT NULL,
            total BIGINT NOT NULL, fund BIGINT NOT NULL, personal BIGINT NOT NULL, cash BIGINT NOT NULL,
            statement_id BIGINT, refunded BIGINT NOT NULL)",
        SqlDialect.SqliteOnly + "INSERT INTO card_records_v8 (" + RecordColumns + ") SELECT " + RecordColumns + " FROM card_records",
        SqlDialect.SqliteOnly + "DROP TABLE card_records",
        SqlDialect.SqliteOnly + "ALTER TABLE card_records_v8 RENAME TO card_records",
        SqlDialect.SqliteOnly + "CREATE INDEX card_records_card ON card_records (card_number, statement_id)",

        SqlDialect.SqliteOnly + @"CREATE TABLE statements_v8 (statement_id INTEGER PRIMARY KEY, card_number TEXT NOT NULL, printed_at BIGINT NOT NULL,
            record_count BIGINT NOT NULL)",
        SqlDialect.SqliteOnly + @"INSERT INTO statements_v8 (statement_id, card_number, printed_at, record_count)
            SELECT statement_id, card_number, printed_at, record_count FROM statements",
        SqlDialect.SqliteOnly + "DROP TABLE statements",
        SqlDialect.SqliteOnly + "ALTER TABLE statements_v8 RENAME TO statements",

        SqlDialect.PostgresOnly + "ALTER TABLE postings ADD COLUMN line BIGINT NOT NULL DEFAULT 0",
        SqlDialect.PostgresOnly + @"UPDATE postings p SET line = n.line
            FROM (SELECT ctid AS row_id, ROW_NUMBER() OVER (PARTITION BY entry_id ORDER BY ctid) - 1 AS line FROM postings) n
            WHERE p.ctid = n.row_id AND n.line > 0",
        SqlDialect.PostgresOnly + "ALTER TABLE postings ALTER COLUMN line DROP DEFAULT",
        SqlDialect.PostgresOnly + "ALTER TABLE postings ADD PRIMARY KEY (entry_id, line)",
        SqlDialect.PostgresOnly + "DROP INDEX IF EXISTS postings_entry",
    ];

    /// <summary>settlements' columns as of version 1 (version 8 copies them).</summary>
    private const string SettlementColumns =
        "reader_id, counter, content_hash, outcome, message, pin_tries_left, card_number, resident_id, institution_id, visit_type, year, "
        + "tx_time, total, fund, deductible_applied, own_account, relative_account, relative_id, cash, explanation, entry_id, reversal_entry_id";

    /// <summary>card_records' columns as of version 1 (version 8 copies them).</summary>
    private const string RecordColumns =
        "record_id, card_number, original_card_number, reader_id, counter, tx_time, institution_id, visit_type, total, fund, personal, cash, "
        + "statement_id, refunded";

    private static readonly string[] Version3 =
    [
        "ALTER TABLE cards ADD COLUMN pin_key_id TEXT",
    ];

    private static readonly string[] Version2 =
    [
        "ALTER TABLE readers ADD COLUMN last_mac {blob}",
        "ALTER TABLE readers ADD COLUMN last_nonce {blob}",
        "ALTER TABLE readers ADD COLUMN reader_key {blob}",
        "ALTER TABLE readers ADD COLUMN key_fingerprint TEXT",
        "ALTER TABLE readers ADD COLUMN provisioned_at BIGINT",
    ];

    private static readonly string[] Version1 =
    [
        @"CREATE TABLE persons (
            resident_id TEXT PRIMARY KEY, name TEXT NOT NULL, gender BIGINT NOT NULL, employer TEXT NOT NULL,
            balance BIGINT NOT NULL CHECK (balance >= 0))",
        @"CREATE TABLE cards (
            card_number TEXT PRIMARY KEY, uid {blob} NOT NULL UNIQUE, resident_id TEXT NOT NULL REFERENCES persons (resident_id),
            lifecycle BIGINT NOT NULL, pin_salt {blob} NOT NULL, pin_hash {blob} NOT NULL, pin_iterations BIGINT NOT NULL,
            pin_tries_left BIGINT NOT NULL CHECK (pin_tries_left >= 0), unprinted_count BIGINT NOT NULL CHECK (unprinted_count >= 0),
            issued_at BIGINT NOT NULL, lost_at BIGINT, loss_channel BIGINT, replaced_at BIGINT, replaced_by TEXT, replaces TEXT)",
        "CREATE INDEX cards_resident ON cards (resident_id)",
        "CREATE TABLE institutions (institution_id TEXT PRIMARY KEY, name TEXT NOT NULL, designated BIGINT NOT NULL)",
        @"CREATE TABLE policies (visit_type BIGINT PRIMARY KEY, deductible BIGINT NOT NULL, copay_bp BIGINT NOT NULL,
            fund_cap BIGINT NOT NULL)",
        @"CREATE TABLE accumulators (
            resident_id TEXT NOT NULL, year BIGINT NOT NULL, visit_type BIGINT NOT NULL,
            deductible_met BIGINT NOT NULL CHECK (deductible_met >= 0), fund_paid BIGINT NOT NULL CHECK (fund_paid >= 0),
            PRIMARY KEY (resident_id, year, visit_type))",
        @"CREATE TABLE bindings (payer_id TEXT NOT NULL, beneficiary_id TEXT NOT NULL, relation BIGINT NOT NULL,
            bound_at BIGINT NOT NULL, PRIMARY KEY (payer_id, beneficiary_id))",
        "CREATE TABLE readers (reader_id BIGINT PRIMARY KEY, last_counter BIGINT NOT NULL)",
        @"CREATE TABLE entries (entry_id {identity}, kind BIGINT NOT NULL, reference TEXT NOT NULL, created_at BIGINT NOT NULL,
            UNIQUE (kind, reference))",
        "CREATE TABLE postings (entry_id BIGINT NOT NULL REFERENCES entries (entry_id), account TEXT NOT NULL, amount BIGINT NOT NULL)",
        "CREATE INDEX postings_entry ON postings (entry_id)",
        "CREATE INDEX postings_account ON postings (account)",
        @"CREATE TABLE settlements (
            reader_id BIGINT NOT NULL, counter BIGINT NOT NULL, content_hash {blob} NOT NULL, outcome BIGINT NOT NULL,
            message TEXT NOT NULL, pin_tries_left BIGINT, card_number TEXT NOT NULL, resident_id TEXT, institution_id TEXT NOT NULL,
            visit_type BIGINT NOT NULL, year BIGINT NOT NULL, tx_time BIGINT NOT NULL, total BIGINT NOT NULL, fund BIGINT NOT NULL,
            deductible_applied BIGINT NOT NULL, own_account BIGINT NOT NULL, relative_account BIGINT NOT NULL, relative_id TEXT,
            cash BIGINT NOT NULL, explanation TEXT NOT NULL, entry_id BIGINT, reversal_entry_id BIGINT,
            PRIMARY KEY (reader_id, counter))",
        @"CREATE TABLE card_records (
            record_id {identity}, card_number TEXT NOT NULL, original_card_number TEXT NOT NULL, reader_id BIGINT NOT NULL,
            counter BIGINT NOT NULL, tx_time BIGINT NOT NULL, institution_id TEXT NOT NULL, visit_type BIGINT NOT NULL,
            total BIGINT NOT NULL, fund BIGINT NOT NULL, personal BIGINT NOT NULL, cash BIGINT NOT NULL,
            statement_id BIGINT, refunded BIGINT NOT NULL)",
        "CREATE INDEX card_records_card ON card_records (card_number, statement_id)",
        "CREATE TABLE statements (statement_id {identity}, card_number TEXT NOT NULL, printed_at BIGINT NOT NULL, record_count BIGINT NOT NULL)",
        @"CREATE TABLE hotlist_events (version BIGINT PRIMARY KEY, card_number TEXT NOT NULL, listed BIGINT NOT NULL,
            at BIGINT NOT NULL)",
        @"CREATE TABLE claims (
            claim_reference TEXT PRIMARY KEY, card_number TEXT NOT NULL, resident_id TEXT NOT NULL, institution_id TEXT NOT NULL,
            visit_type BIGINT NOT NULL, year BIGINT NOT NULL, claim_time BIGINT NOT NULL, total BIGINT NOT NULL, fund BIGINT NOT NULL,
            deductible_applied BIGINT NOT NULL, entry_id BIGINT NOT NULL, explanation TEXT NOT NULL)",
    ];
}
