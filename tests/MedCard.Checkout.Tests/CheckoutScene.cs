using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MedCard.Checkout.Tests;

/// <summary>
/// A ledger (a SQLite file or a PostgreSQL database) set up as a pharmacy would be: policies, one institution, one
/// holder with a card, and simulated readers provisioned the way `medcard provision` does it (flash beside the ledger,
/// key in the readers table). Reads the ledger with plain SQL so the checks do not trust the code under test.
/// </summary>
internal sealed class CheckoutScene : IAsyncDisposable
{
    public const string ResidentId = "110101198705123021";
    public const string CardNumber = "MC0002";
    public const string Pin = "246810";
    public const string Institution = "P001";
    public static readonly byte[] Uid = [0x04, 0xD4, 0xE5, 0xF6];

    private readonly List<string> _readerFolders = new();

    private CheckoutScene(string spec, ILedgerStore store, long openingBalance)
    {
        Spec = spec;
        Store = store;
        OpeningBalance = openingBalance;
    }

    public string Spec { get; }

    public ILedgerStore Store { get; }

    public long OpeningBalance { get; }

    public bool IsPostgres => Spec.Contains("Host=", StringComparison.Ordinal);

    public static async Task<CheckoutScene> CreateAsync(string spec, long openingBalance, int readers, CancellationToken ct)
    {
        ILedgerStore store = LedgerStores.Open(spec);
        await store.MigrateAsync(ct);
        var scene = new CheckoutScene(spec, store, openingBalance);
        var desk = new CardDesk(store, new LedgerOptions { PinIterations = 1000 });
        await desk.SetPolicyAsync(VisitType.Pharmacy, new VisitPolicy(0, 3000, 100_000_000), ct);
        await desk.RegisterInstitutionAsync(new Institution(Institution, "Kangmei Pharmacy", true), ct);
        using (var pin = new PinDigits([2, 4, 6, 8, 1, 0]))
        {
            DeskResult enrolled = await desk.EnrolAsync(new Enrolment(ResidentId, "Li Na", MedCard.Protocol.Gender.Female, "school", CardNumber,
                Uid, pin, openingBalance), ct);
            if (!enrolled.Succeeded)
            {
                throw new InvalidOperationException("enrolment refused: " + enrolled.Refusal);
            }
        }

        var readerDesk = new ReaderDesk(store);
        for (uint id = 1; id <= readers; id++)
        {
            byte[] key = RandomNumberGenerator.GetBytes(32);
            string folder = SimulatedReaderFlash.DirectoryFor(spec, id);
            scene._readerFolders.Add(folder);
            SimulatedReaderFlash.Provision(folder, id, key, await readerDesk.RegisterAsync(id, key, ct));
        }

        return scene;
    }

    public string ReaderFolder(uint readerId) => SimulatedReaderFlash.DirectoryFor(Spec, readerId);

    /// <summary>
    /// One purchase on simulated reader <paramref name="readerId"/> through the library, as an integrator writes it, with the
    /// issuer's holder-data MAC key set. <paramref name="forgerHolderMacKey"/> puts a card whose holder MAC is not the issuer's.
    /// </summary>
    public async Task<CheckoutResult> SettleAsync(uint readerId, long amountFen, CancellationToken ct, byte[]? forgerHolderMacKey = null)
    {
        await using SimulatedReaderTransport reader = SimulatedReaderTransport.Open(ReaderFolder(readerId));
        reader.PlaceCard(Uid, CardNumber, ResidentId, forgerHolderMacKey);
        reader.HolderTypes(Pin);
        var options = new CheckoutOptions { CardWait = TimeSpan.FromSeconds(30), HolderMacKey = reader.IssuerHolderMacKey() };
        await using CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(reader, Store, options, ct);
        return await terminal.CheckoutAsync(new Purchase([new BillItem("OTC", "Ibuprofen", ItemClass.FullySelfPaid, amountFen)], Institution, VisitType.Pharmacy)
        {
            CardNumber = CardNumber,
        }, ct);
    }

    /// <summary>Every filed record of a reader: counter -> (outcome code, message, own account debit).</summary>
    public async Task<Dictionary<uint, (long Outcome, string Message, long OwnAccount)>> FiledAsync(uint readerId)
    {
        var rows = new Dictionary<uint, (long, string, long)>();
        await using DbConnection db = await OpenAsync();
        await using DbCommand q = db.CreateCommand();
        q.CommandText = "SELECT counter, outcome, message, own_account FROM settlements WHERE reader_id = " + readerId;
        await using DbDataReader r = await q.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add((uint)Convert.ToInt64(r.GetValue(0)), (Convert.ToInt64(r.GetValue(1)), r.GetString(2), Convert.ToInt64(r.GetValue(3))));
        }

        return rows;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using DbConnection db = await OpenAsync();
        await using DbCommand q = db.CreateCommand();
        q.CommandText = sql;
        object? v = await q.ExecuteScalarAsync();
        return v is null or DBNull ? 0 : Convert.ToInt64(v);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection db = IsPostgres ? new NpgsqlConnection(Spec) : new SqliteConnection("Data Source=" + Spec);
        await db.OpenAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (string folder in _readerFolders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
