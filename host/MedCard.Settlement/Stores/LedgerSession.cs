using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Stores;

/// <summary>
/// Typed reads and writes inside one store transaction. The SQL is written once for both stores; the
/// dialect supplies row locks and DDL types. Methods taking <c>forUpdate</c> lock the row on PostgreSQL
/// so that a read-modify-write of a balance, a try counter or an accumulator cannot be lost.
/// Reads are public (reports, integrations); every write is internal, so the only ways to move money are
/// the rule-enforcing services — there is no way to express a withdrawal or a transfer from outside.
/// </summary>
public sealed partial class LedgerSession
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly LedgerTraffic _traffic;
    private readonly SqliteStatements? _statements;
    private readonly CancellationToken _ct;

    internal LedgerSession(DbConnection connection, DbTransaction transaction, SqlDialect dialect, LedgerTraffic traffic,
        SqliteStatements? statements, CancellationToken ct)
    {
        _statements = statements;
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _traffic = traffic;
        _ct = ct;
    }

    /// <summary>Must be the first statement of the transaction: every later read sees one snapshot (reports,
    /// audits that run several queries while settlements go on).</summary>
    public async Task UseSnapshotAsync()
    {
        if (_dialect.Snapshot.Length > 0)
        {
            await ExecuteAsync(_dialect.Snapshot).ConfigureAwait(false);
        }
    }

    private string Lock(bool forUpdate) => forUpdate ? _dialect.ForUpdate : string.Empty;

    /// <summary>A new command for <paramref name="sql"/> in this transaction; the caller disposes it.</summary>
    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        DbCommand command = _connection.CreateCommand();
        if (_transaction is not SqliteWriteTransaction)
        {
            command.Transaction = _transaction; // the driver's own; SQLite's runs on the connection without the driver knowing
        }

        SetText(sql, parameters, text => command.CommandText = text, command.CreateParameter, command.Parameters);
        return command;
    }

    /// <summary>Gives a command its text and parameters: on PostgreSQL positional ($1 ...) and unnamed, so Npgsql sends the
    /// text as it is (<see cref="PositionalSql"/>); elsewhere by name.</summary>
    private void SetText(string sql, (string Name, object? Value)[] parameters, Action<string> setText, Func<DbParameter> create,
        DbParameterCollection into)
    {
        if (ReferenceEquals(_dialect, SqlDialect.Postgres))
        {
            PositionalSql positional = PositionalSql.Of(sql);
            setText(positional.Text);
            foreach (object? value in positional.Values(parameters))
            {
                DbParameter p = create();
                p.Value = value ?? DBNull.Value;
                into.Add(p);
            }

            return;
        }

        setText(sql);
        foreach ((string name, object? value) in parameters)
        {
            DbParameter p = create();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            into.Add(p);
        }
    }

    /// <summary>The connection's compiled statement for <paramref name="sql"/> when it keeps them (SQLite) and can bind
    /// these values; otherwise null, and the statement goes through the driver's command.</summary>
    private SqliteStatement? Kept(string sql, (string Name, object? Value)[] parameters) =>
        _statements is not null && SqliteStatement.CanBind(parameters) ? _statements.Get(sql) : null;

    /// <summary>Sends one statement on its own (no batch) and returns the rows it changed.</summary>
    private async Task<int> SendAsync(string sql, (string Name, object? Value)[] parameters)
    {
        _traffic.Sent(1);
        if (Kept(sql, parameters) is SqliteStatement statement)
        {
            return statement.Execute(parameters);
        }

        await using DbCommand command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(_ct).ConfigureAwait(false);
    }

    /// <summary>Sends one read on its own (no batch) and maps its rows.</summary>
    private async Task<List<object?>> SendReadAsync(Read read)
    {
        _traffic.Sent(1);
        if (Kept(read.Sql, read.Parameters) is SqliteStatement statement)
        {
            using SqliteRowReader rows = statement.Query(read.Parameters);
            var mapped = new List<object?>();
            while (rows.Read())
            {
                mapped.Add(read.Map(rows));
            }

            return mapped;
        }

        await using DbCommand command = Command(read.Sql, read.Parameters);
        await using DbDataReader reader = await command.ExecuteReaderAsync(_ct).ConfigureAwait(false);
        return await RowsAsync(reader, read.Map).ConfigureAwait(false);
    }

    /// <summary>Runs a statement now (after the queued writes, in the same round trip where the driver batches) and
    /// returns the rows it changed.</summary>
    internal async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        if (_pending.Count > 0 && _connection.CanCreateBatch)
        {
            await DeferAsync(sql, parameters).ConfigureAwait(false);
            await using DbBatch batch = PendingBatch();
            await batch.ExecuteNonQueryAsync(_ct).ConfigureAwait(false);
            return batch.BatchCommands[^1].RecordsAffected;
        }

        await FlushAsync().ConfigureAwait(false);
        return await SendAsync(sql, parameters).ConfigureAwait(false);
    }

    internal async Task<long?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        List<object?> rows = await QueryAsync(sql, r => r.IsDBNull(0) ? null : r.GetValue(0), parameters).ConfigureAwait(false);
        object? value = rows.Count == 0 ? null : rows[0];
        return value is null ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        List<object?>[] results = await ReadManyAsync(new Read(sql, r => map(r), parameters)).ConfigureAwait(false);
        var rows = new List<T>(results[0].Count);
        foreach (object? row in results[0])
        {
            rows.Add((T)row!);
        }

        return rows;
    }

    private async Task<T?> SingleAsync<T>(Read read)
        where T : class =>
        (await ReadManyAsync(read).ConfigureAwait(false))[0] is [T first, ..] ? first : null;

    internal async Task<T?> SingleAsync<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
        where T : class
    {
        List<T> rows = await QueryAsync(sql, map, parameters).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static long L(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static long? NL(DbDataReader r, int i) => r.IsDBNull(i) ? null : L(r, i);

    private static string? NS(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static byte[] B(DbDataReader r, int i) => (byte[])r.GetValue(i);

    // ---------------- persons ----------------

    /// <summary>The insured person, or null; <paramref name="forUpdate"/> locks the row.</summary>
    public Task<Person?> GetPersonAsync(string residentId, bool forUpdate = false) => SingleAsync<Person>(PersonRead(residentId, forUpdate));

    private Read PersonRead(string residentId, bool forUpdate) =>
        new("SELECT resident_id, name, gender, employer, balance FROM persons WHERE resident_id = @id" + Lock(forUpdate),
            r => new Person(r.GetString(0), r.GetString(1), GenderColumn.FromDb(L(r, 2)), r.GetString(3), L(r, 4)), ("@id", residentId));

    internal Task InsertPersonAsync(Person person) =>
        ExecuteAsync("INSERT INTO persons (resident_id, name, gender, employer, balance) VALUES (@id, @name, @gender, @employer, @balance)",
            ("@id", person.ResidentId), ("@name", person.Name), ("@gender", GenderColumn.ToDb(person.Gender)), ("@employer", person.Employer),
            ("@balance", person.Balance));

    /// <summary>Adds <paramref name="delta"/> to a personal balance (queued with the transaction's other writes). The CHECK
    /// (balance >= 0) makes an overdraft impossible even if a caller's arithmetic were wrong; the callers hold the person's
    /// row lock, so the row exists.</summary>
    internal Task AddToBalanceAsync(string residentId, long delta) =>
        DeferAsync("UPDATE persons SET balance = balance + @d WHERE resident_id = @id", ("@d", delta), ("@id", residentId));

    // ---------------- cards ----------------

    private const string CardColumns =
        "card_number, uid, resident_id, lifecycle, pin_tries_left, unprinted_count, issued_at, lost_at, loss_channel, replaced_at, replaced_by, replaces";

    private static Card MapCard(DbDataReader r) => new(
        r.GetString(0), B(r, 1), r.GetString(2), (CardLifecycle)L(r, 3), (int)L(r, 4), (int)L(r, 5), DbTime.FromDb(L(r, 6)),
        NL(r, 7) is long lost ? DbTime.FromDb(lost) : null, NL(r, 8) is long ch ? (LossChannel)ch : null,
        NL(r, 9) is long rep ? DbTime.FromDb(rep) : null, NS(r, 10), NS(r, 11));

    /// <summary>The card, or null; <paramref name="forUpdate"/> locks the row.</summary>
    public Task<Card?> GetCardAsync(string cardNumber, bool forUpdate = false) =>
        SingleAsync("SELECT " + CardColumns + " FROM cards WHERE card_number = @n" + Lock(forUpdate), MapCard, ("@n", cardNumber));

    /// <summary>The card with <paramref name="uid"/>, or null.</summary>
    public Task<Card?> GetCardByUidAsync(byte[] uid) =>
        SingleAsync("SELECT " + CardColumns + " FROM cards WHERE uid = @uid", MapCard, ("@uid", uid));

    /// <summary>Every card of the person, oldest first.</summary>
    public Task<List<Card>> GetCardsOfPersonAsync(string residentId) =>
        QueryAsync("SELECT " + CardColumns + " FROM cards WHERE resident_id = @id ORDER BY issued_at, card_number", MapCard, ("@id", residentId));

    internal Task InsertCardAsync(Card card, PinCredential pin) =>
        ExecuteAsync("INSERT INTO cards (" + CardColumns + ", pin_salt, pin_hash, pin_iterations, pin_key_id) VALUES "
            + "(@n, @uid, @rid, @life, @tries, @unprinted, @issued, @lost, @ch, @rep, @repby, @reps, @salt, @hash, @iter, @key)",
            ("@n", card.CardNumber), ("@uid", card.Uid), ("@rid", card.ResidentId), ("@life", (long)card.Lifecycle),
            ("@tries", (long)card.PinTriesLeft), ("@unprinted", (long)card.UnprintedCount), ("@issued", DbTime.ToDb(card.IssuedAt)),
            ("@lost", card.LostAt is { } l ? DbTime.ToDb(l) : null), ("@ch", card.LossChannel is { } c ? (long)c : null),
            ("@rep", card.ReplacedAt is { } rp ? DbTime.ToDb(rp) : null), ("@repby", card.ReplacedBy), ("@reps", card.Replaces),
            ("@salt", pin.Salt), ("@hash", pin.Hash), ("@iter", (long)pin.Iterations), ("@key", pin.KeyId));

    /// <summary>Writes every mutable field of the card (not the PIN credential).</summary>
    internal Task UpdateCardAsync(Card card) =>
        DeferRowAsync("cards:" + card.CardNumber, "UPDATE cards SET lifecycle = @life, pin_tries_left = @tries, unprinted_count = @unprinted, lost_at = @lost, "
            + "loss_channel = @ch, replaced_at = @rep, replaced_by = @repby WHERE card_number = @n",
            ("@life", (long)card.Lifecycle), ("@tries", (long)card.PinTriesLeft), ("@unprinted", (long)card.UnprintedCount),
            ("@lost", card.LostAt is { } l ? DbTime.ToDb(l) : null), ("@ch", card.LossChannel is { } c ? (long)c : null),
            ("@rep", card.ReplacedAt is { } rp ? DbTime.ToDb(rp) : null), ("@repby", card.ReplacedBy), ("@n", card.CardNumber));

    internal Task<PinCredential?> GetPinCredentialAsync(string cardNumber) =>
        SingleAsync("SELECT pin_salt, pin_hash, pin_iterations, pin_key_id FROM cards WHERE card_number = @n",
            r => new PinCredential(B(r, 0), B(r, 1), (int)L(r, 2), NS(r, 3)), ("@n", cardNumber));

    internal Task SetPinCredentialAsync(string cardNumber, PinCredential pin) =>
        DeferAsync("UPDATE cards SET pin_salt = @salt, pin_hash = @hash, pin_iterations = @iter, pin_key_id = @key WHERE card_number = @n",
            ("@salt", pin.Salt), ("@hash", pin.Hash), ("@iter", (long)pin.Iterations), ("@key", pin.KeyId), ("@n", cardNumber));

    // ---------------- institutions and policies ----------------

    /// <summary>The institution, or null.</summary>
    public Task<Institution?> GetInstitutionAsync(string institutionId) => SingleAsync<Institution>(InstitutionRead(institutionId));

    private static Read InstitutionRead(string institutionId) =>
        new("SELECT institution_id, name, designated FROM institutions WHERE institution_id = @id",
            r => new Institution(r.GetString(0), r.GetString(1), L(r, 2) != 0), ("@id", institutionId));

    internal Task UpsertInstitutionAsync(Institution institution) =>
        ExecuteAsync("INSERT INTO institutions (institution_id, name, designated) VALUES (@id, @name, @d) "
            + "ON CONFLICT (institution_id) DO UPDATE SET name = excluded.name, designated = excluded.designated",
            ("@id", institution.InstitutionId), ("@name", institution.Name), ("@d", institution.Designated ? 1L : 0L));

    /// <summary>The policy of <paramref name="visitType"/>, or null when none is set.</summary>
    public Task<VisitPolicy?> GetPolicyAsync(VisitType visitType) => SingleAsync<VisitPolicy>(PolicyRead(visitType));

    private static Read PolicyRead(VisitType visitType) =>
        new("SELECT deductible, copay_bp, fund_cap FROM policies WHERE visit_type = @v",
            r => new VisitPolicy(L(r, 0), (int)L(r, 1), L(r, 2)), ("@v", (long)visitType));

    internal Task UpsertPolicyAsync(VisitType visitType, VisitPolicy policy) =>
        ExecuteAsync("INSERT INTO policies (visit_type, deductible, copay_bp, fund_cap) VALUES (@v, @d, @c, @cap) "
            + "ON CONFLICT (visit_type) DO UPDATE SET deductible = excluded.deductible, copay_bp = excluded.copay_bp, fund_cap = excluded.fund_cap",
            ("@v", (long)visitType), ("@d", policy.YearlyDeductible), ("@c", (long)policy.CoPaymentBasisPoints), ("@cap", policy.YearlyFundCap));

    // ---------------- accumulators ----------------

    /// <summary>Returns the accumulator, or zeros when this person has no spending yet that year.</summary>
    public async Task<Accumulator> GetAccumulatorAsync(string residentId, int year, VisitType visitType, bool forUpdate = false) =>
        await SingleAsync<Accumulator>(AccumulatorRead(residentId, year, visitType, forUpdate)).ConfigureAwait(false)
        ?? new Accumulator(residentId, year, visitType, 0, 0);

    private Read AccumulatorRead(string residentId, int year, VisitType visitType, bool forUpdate) =>
        new("SELECT deductible_met, fund_paid FROM accumulators WHERE resident_id = @id AND year = @y AND visit_type = @v" + Lock(forUpdate),
            r => new Accumulator(residentId, year, visitType, L(r, 0), L(r, 1)),
            ("@id", residentId), ("@y", (long)year), ("@v", (long)visitType));

    /// <summary>Writes the accumulator. <paramref name="exists"/>: the caller holds the row, locked (read with forUpdate), so
    /// a plain UPDATE does: an upsert that finds its row costs the database a conflict check and a second lock first (about
    /// 20 µs on PostgreSQL).</summary>
    internal Task UpsertAccumulatorAsync(Accumulator a, bool exists = false) => exists
        ? DeferAsync("UPDATE accumulators SET deductible_met = @d, fund_paid = @f WHERE resident_id = @id AND year = @y AND visit_type = @v",
            ("@d", a.DeductibleMet), ("@f", a.FundPaid), ("@id", a.ResidentId), ("@y", (long)a.Year), ("@v", (long)a.VisitType))
        : DeferAsync("INSERT INTO accumulators (resident_id, year, visit_type, deductible_met, fund_paid) VALUES (@id, @y, @v, @d, @f) "
            + "ON CONFLICT (resident_id, year, visit_type) DO UPDATE SET deductible_met = excluded.deductible_met, fund_paid = excluded.fund_paid",
            ("@id", a.ResidentId), ("@y", (long)a.Year), ("@v", (long)a.VisitType), ("@d", a.DeductibleMet), ("@f", a.FundPaid));

    // ---------------- family bindings ----------------

    /// <summary>The binding letting <paramref name="payerId"/>'s account pay for <paramref name="beneficiaryId"/>, or null.</summary>
    public Task<FamilyBinding?> GetBindingAsync(string payerId, string beneficiaryId) =>
        SingleAsync("SELECT payer_id, beneficiary_id, relation FROM bindings WHERE payer_id = @p AND beneficiary_id = @b",
            r => new FamilyBinding(r.GetString(0), r.GetString(1), (Relation)L(r, 2)), ("@p", payerId), ("@b", beneficiaryId));

    /// <summary>The bindings in which <paramref name="payerId"/>'s account pays.</summary>
    public Task<List<FamilyBinding>> GetBindingsOfPayerAsync(string payerId) =>
        QueryAsync("SELECT payer_id, beneficiary_id, relation FROM bindings WHERE payer_id = @p ORDER BY beneficiary_id",
            r => new FamilyBinding(r.GetString(0), r.GetString(1), (Relation)L(r, 2)), ("@p", payerId));

    internal Task InsertBindingAsync(FamilyBinding binding, DateTimeOffset at) =>
        ExecuteAsync("INSERT INTO bindings (payer_id, beneficiary_id, relation, bound_at) VALUES (@p, @b, @r, @at)",
            ("@p", binding.PayerResidentId), ("@b", binding.BeneficiaryResidentId), ("@r", (long)binding.Relation), ("@at", DbTime.ToDb(at)));

    internal async Task<bool> DeleteBindingAsync(string payerId, string beneficiaryId) =>
        await ExecuteAsync("DELETE FROM bindings WHERE payer_id = @p AND beneficiary_id = @b", ("@p", payerId), ("@b", beneficiaryId))
            .ConfigureAwait(false) > 0;

    // ---------------- readers ----------------

    /// <summary>Highest counter seen from this reader, or -1 when none.</summary>
    public async Task<long> GetReaderLastCounterAsync(uint readerId, bool forUpdate = false) =>
        (await ReadManyAsync(ReaderCounterRead(readerId, forUpdate)).ConfigureAwait(false))[0] is [long last, ..] ? last : -1;

    private Read ReaderCounterRead(uint readerId, bool forUpdate) =>
        new("SELECT last_counter FROM readers WHERE reader_id = @r" + Lock(forUpdate), r => L(r, 0), ("@r", (long)readerId));

    /// <summary>Moves the reader's position to <paramref name="counter"/> (never lowers it). When <paramref name="mac"/> is
    /// given, the chain position (MAC, nonce) moves with it in this same transaction.</summary>
    /// <param name="known">The caller holds the reader's row, locked: a plain UPDATE does (see
    /// <see cref="UpsertAccumulatorAsync"/>), moving the counter and the chain by the same rule.</param>
    internal Task SetReaderLastCounterAsync(uint readerId, uint counter, byte[]? mac = null, byte[]? nonce = null, bool known = false) => known
        ? DeferAsync("UPDATE readers SET last_mac = CASE WHEN @c > last_counter THEN @m ELSE last_mac END, "
            + "last_nonce = CASE WHEN @c > last_counter THEN @n ELSE last_nonce END, last_counter = " + _dialect.Greatest + "(last_counter, @c) "
            + "WHERE reader_id = @r",
            ("@c", (long)counter), ("@m", mac), ("@n", nonce), ("@r", (long)readerId))
        : DeferAsync("INSERT INTO readers (reader_id, last_counter, last_mac, last_nonce) VALUES (@r, @c, @m, @n) "
            // Never lowers the counter, even if two records of one reader commit out of order.
            + "ON CONFLICT (reader_id) DO UPDATE SET "
            + "last_mac = CASE WHEN excluded.last_counter > readers.last_counter THEN excluded.last_mac ELSE readers.last_mac END, "
            + "last_nonce = CASE WHEN excluded.last_counter > readers.last_counter THEN excluded.last_nonce ELSE readers.last_nonce END, "
            + "last_counter = " + _dialect.Greatest + "(readers.last_counter, excluded.last_counter)",
            ("@r", (long)readerId), ("@c", (long)counter), ("@m", mac), ("@n", nonce));

    /// <summary>The reader's durable state (counter, chain, key fingerprint), or null when the ledger has no row for it.</summary>
    public Task<LedgerReader?> GetReaderAsync(uint readerId, bool forUpdate = false) =>
        SingleAsync("SELECT reader_id, last_counter, last_mac, last_nonce, key_fingerprint, provisioned_at FROM readers WHERE reader_id = @r" + Lock(forUpdate),
            r => new LedgerReader((uint)L(r, 0), L(r, 1), r.IsDBNull(2) ? null : B(r, 2), r.IsDBNull(3) ? null : B(r, 3), NS(r, 4),
                r.IsDBNull(5) ? null : DbTime.FromDb(L(r, 5))),
            ("@r", (long)readerId));

    internal Task<byte[]?> GetReaderKeyAsync(uint readerId) =>
        SingleAsync("SELECT reader_key FROM readers WHERE reader_id = @r AND reader_key IS NOT NULL", r => B(r, 0), ("@r", (long)readerId));

    /// <summary>Stores a (re)provisioned reader's key; its chain restarts (a new key signs a new chain) but its counter
    /// is kept, so the reader, whose counter floor is raised to it, never reuses one.</summary>
    internal Task RegisterReaderAsync(uint readerId, byte[] key, string fingerprint, long counter, DateTimeOffset at) =>
        ExecuteAsync("INSERT INTO readers (reader_id, last_counter, last_mac, last_nonce, reader_key, key_fingerprint, provisioned_at) "
            + "VALUES (@r, @c, NULL, NULL, @k, @f, @t) ON CONFLICT (reader_id) DO UPDATE SET last_mac = NULL, last_nonce = NULL, "
            + "reader_key = excluded.reader_key, key_fingerprint = excluded.key_fingerprint, provisioned_at = excluded.provisioned_at",
            ("@r", (long)readerId), ("@c", counter), ("@k", key), ("@f", fingerprint), ("@t", DbTime.ToDb(at)));
}
