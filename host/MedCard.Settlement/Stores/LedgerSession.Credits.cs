using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The month-end credit run, set-based: the file's lines go into a staging table (COPY on PostgreSQL, prepared
/// inserts on SQLite), are checked against persons and earlier credits with one query, and are applied with one
/// INSERT ... SELECT per table and one UPDATE of the balances. Row-by-row statements would cost a round trip and a
/// plan per account; a million accounts is one run.
/// </summary>
public sealed partial class LedgerSession
{
    private const string Stage = "credit_stage";

    internal async Task StageCreditsAsync(IReadOnlyList<AccountCredit> credits)
    {
        await ExecuteAsync("DROP TABLE IF EXISTS " + Stage).ConfigureAwait(false);
        if (_connection is NpgsqlConnection npgsql)
        {
            // The journal's own sequence numbers the staged entries (the default fills them during the COPY), so
            // concurrent writers of single entries never collide with the run.
            // For this transaction only: the joins of a million staged lines against persons and credits hash in memory
            // instead of spilling batches to temporary files (the server's default work_mem is 4 MB).
            await ExecuteAsync("SET LOCAL work_mem = '128MB'").ConfigureAwait(false);
            string sequence = await SingleAsync("SELECT pg_get_serial_sequence('entries', 'entry_id')", r => r.GetString(0)).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The journal has no entry sequence.");
            await ExecuteAsync("CREATE TEMP TABLE " + Stage + " (line BIGINT NOT NULL, resident_id TEXT NOT NULL, amount BIGINT NOT NULL, "
                + "entry_id BIGINT NOT NULL DEFAULT nextval('" + sequence.Replace("'", "''", StringComparison.Ordinal) + "'::regclass)) ON COMMIT DROP")
                .ConfigureAwait(false);
            await using (NpgsqlBinaryImporter copy = await npgsql.BeginBinaryImportAsync(
                "COPY " + Stage + " (line, resident_id, amount) FROM STDIN (FORMAT BINARY)", _ct).ConfigureAwait(false))
            {
                foreach (AccountCredit c in credits)
                {
                    await copy.StartRowAsync(_ct).ConfigureAwait(false);
                    await copy.WriteAsync((long)c.Line, NpgsqlDbType.Bigint, _ct).ConfigureAwait(false);
                    await copy.WriteAsync(c.ResidentId, NpgsqlDbType.Text, _ct).ConfigureAwait(false);
                    await copy.WriteAsync(c.Amount, NpgsqlDbType.Bigint, _ct).ConfigureAwait(false);
                }

                await copy.CompleteAsync(_ct).ConfigureAwait(false);
            }

            // Temporary tables get no statistics by themselves; without them the planner would guess a few rows and
            // join a million against persons in a nested loop.
            await ExecuteAsync("ANALYZE " + Stage).ConfigureAwait(false);
            return;
        }

        // SQLite: entry ids are given after the check (the database write lock is held, so MAX + line is free).
        await ExecuteAsync("CREATE TEMP TABLE " + Stage + " (line INTEGER NOT NULL, resident_id TEXT NOT NULL, amount INTEGER NOT NULL, entry_id INTEGER)")
            .ConfigureAwait(false);
        await using DbCommand insert = Command("INSERT INTO " + Stage + " (line, resident_id, amount) VALUES (@l, @id, @a)",
            ("@l", 0L), ("@id", string.Empty), ("@a", 0L));
        await insert.PrepareAsync(_ct).ConfigureAwait(false);
        foreach (AccountCredit c in credits)
        {
            insert.Parameters[0].Value = (long)c.Line;
            insert.Parameters[1].Value = c.ResidentId;
            insert.Parameters[2].Value = c.Amount;
            await insert.ExecuteNonQueryAsync(_ct).ConfigureAwait(false);
        }
    }

    /// <summary>The staged lines that cannot be applied: no such person, or a different credit of the month already.</summary>
    internal async Task<List<CreditLineError>> CheckStagedCreditsAsync(CreditMonth month, int max)
    {
        return await QueryAsync(
            "SELECT line, 0, 0 FROM " + Stage + " s WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.resident_id = s.resident_id) "
            + "UNION ALL SELECT s.line, 1, c.amount FROM " + Stage + " s JOIN account_credits c ON c.resident_id = s.resident_id AND c.month = @m "
            + "WHERE c.amount <> s.amount ORDER BY 1 LIMIT @max",
            r => new CreditLineError((int)L(r, 0), L(r, 1) == 0
                ? "no insured person with this resident ID"
                : "already credited " + Rules.SettlementCalculator.Fen(L(r, 2)) + " yuan for " + month + " (a different amount)"),
            ("@m", month.Key), ("@max", (long)max)).ConfigureAwait(false);
    }

    /// <summary>Removes the lines credited by an earlier run of the month; returns how many.</summary>
    internal Task<int> DropAlreadyCreditedAsync(CreditMonth month) =>
        ExecuteAsync("DELETE FROM " + Stage + " WHERE EXISTS (SELECT 1 FROM account_credits c WHERE c.resident_id = " + Stage
            + ".resident_id AND c.month = @m)", ("@m", month.Key));

    /// <summary>Writes an entry, its two postings and the credit row per staged line, and raises the balances.</summary>
    internal async Task<(int Credited, long Fen)> ApplyStagedCreditsAsync(CreditMonth month, DateTimeOffset at)
    {
        if (_connection is not NpgsqlConnection)
        {
            long top = await ScalarAsync("SELECT COALESCE(MAX(entry_id), 0) FROM entries").ConfigureAwait(false) ?? 0;
            await ExecuteAsync("UPDATE " + Stage + " SET entry_id = @top + line", ("@top", top)).ConfigureAwait(false);
        }

        long time = DbTime.ToDb(at);
        int credited = await ExecuteAsync("INSERT INTO entries (entry_id, kind, reference, created_at) SELECT entry_id, @k, @prefix || resident_id, @at FROM "
            + Stage + " ORDER BY entry_id", ("@k", (long)EntryKind.AccountCredit), ("@prefix", month + "/"), ("@at", time)).ConfigureAwait(false);
        if (credited == 0)
        {
            return (0, 0);
        }

        // Each entry: the personal account up by the amount, the contributions account down by it (sum zero).
        await ExecuteAsync("INSERT INTO postings (entry_id, line, account, amount) SELECT entry_id, 0, @personal || resident_id, amount FROM " + Stage
            + " UNION ALL SELECT entry_id, 1, @contributions, -amount FROM " + Stage,
            ("@personal", LedgerAccounts.Personal(string.Empty)), ("@contributions", LedgerAccounts.Contributions)).ConfigureAwait(false);
        await ExecuteAsync("INSERT INTO account_credits (resident_id, month, amount, entry_id, credited_at, statement_id) "
            + "SELECT resident_id, @m, amount, entry_id, @at, NULL FROM " + Stage, ("@m", month.Key), ("@at", time)).ConfigureAwait(false);
        await ExecuteAsync("UPDATE persons SET balance = persons.balance + s.amount FROM " + Stage + " s WHERE persons.resident_id = s.resident_id")
            .ConfigureAwait(false);
        long fen = await ScalarAsync("SELECT COALESCE(SUM(amount), 0) FROM " + Stage).ConfigureAwait(false) ?? 0;
        return (credited, fen);
    }

    internal Task DropCreditStageAsync() => ExecuteAsync("DROP TABLE IF EXISTS " + Stage);

    /// <summary>The columns <see cref="MapCredit"/> reads, in its order.</summary>
    private const string CreditRows = "SELECT resident_id, month, amount, entry_id, credited_at, statement_id FROM account_credits ";

    /// <summary>The month's credit of the person, or null.</summary>
    public Task<MonthlyCredit?> GetAccountCreditAsync(string residentId, CreditMonth month) =>
        SingleAsync(CreditRows + "WHERE resident_id = @id AND month = @m",
            MapCredit, ("@id", residentId), ("@m", month.Key));

    /// <summary>The person's credits no statement has shown yet, oldest first.</summary>
    internal Task<List<MonthlyCredit>> GetUnprintedCreditsAsync(string residentId) =>
        QueryAsync(CreditRows + "WHERE resident_id = @id AND statement_id IS NULL ORDER BY month", MapCredit, ("@id", residentId));

    internal Task MarkCreditsPrintedAsync(string residentId, long statementId) =>
        ExecuteAsync("UPDATE account_credits SET statement_id = @s WHERE resident_id = @id AND statement_id IS NULL",
            ("@s", statementId), ("@id", residentId));

    private static MonthlyCredit MapCredit(DbDataReader r) =>
        new(r.GetString(0), CreditMonth.FromKey(L(r, 1)), L(r, 2), L(r, 3), DbTime.FromDb(L(r, 4)), NL(r, 5));
}
