using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Simulator.InProcess;
using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary>Reader administration against the ledger, on simulated readers (the firmware's own core on virtual hardware).</summary>
public sealed class ReaderAdministrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Status_shows_the_readers_counter_beside_the_ledgers()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();
        Assert.True((await folder.Scene.SettleAsync(1, 3_00, None)).IsSettled);

        ReaderStatusReport status = await WithAdminAsync(folder, admin => admin.GetStatusAsync(None));

        Assert.True(status.KnownToLedger);
        Assert.Equal(1u, status.Reader.ReaderId);
        Assert.Equal(1u, status.Reader.Counter);
        Assert.Equal(1u, status.LedgerCounter);
        Assert.Equal(0u, status.UnfiledRecords);
    }

    [Fact]
    public async Task The_ledgers_hotlist_pushed_to_the_reader_stops_a_lost_card_at_the_reader()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();
        var desk = new CardDesk(folder.Scene.Store);
        DeskResult lost = await desk.ReportLossAsync(new LossReport(CheckoutScene.CardNumber, "Li Na", CheckoutScene.ResidentId, LossChannel.Phone,
            DateTimeOffset.UtcNow) { Employer = "school" }, None);
        Assert.True(lost.Succeeded, lost.Refusal?.ToString());
        long version = (await desk.GetHotlistAsync(None)).Version;

        HotlistPushReport pushed = await WithAdminAsync(folder, admin => admin.PushHotlistAsync(None));
        ReaderStatusReport status = await WithAdminAsync(folder, admin => admin.GetStatusAsync(None));

        Assert.Equal(HotlistStatus.Activated, pushed.Ack.Status);
        Assert.True(pushed.InForce);
        Assert.Equal((uint)version, pushed.Version);
        Assert.Equal(1, pushed.Cards);
        Assert.Equal((uint)version, status.Reader.HotlistVersion);
        Assert.False(status.HotlistBehind);
        HotlistPushReport again = await WithAdminAsync(folder, admin => admin.PushHotlistAsync(None));
        Assert.Equal(HotlistStatus.Stale, again.Ack.Status); // the reader already enforces this version

        CheckoutResult refused = await folder.Scene.SettleAsync(1, 3_00, None);
        Assert.False(refused.IsSettled);
        Assert.False(refused.Signed, refused.ToString());
        Assert.Equal(0u, SimulatedReaderFlash.Inspect(folder.Scene.ReaderFolder(1)).LastCounter);
    }

    [Fact]
    public async Task Journal_sync_files_a_record_signed_but_never_settled_and_moves_no_money()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();
        SignedRecord orphan = await folder.SignWithoutFilingAsync(1, 7_00);
        long balance = await folder.Scene.ScalarAsync("SELECT balance FROM persons WHERE resident_id = '" + CheckoutScene.ResidentId + "'");

        ReaderStatusReport before = await WithAdminAsync(folder, admin => admin.GetStatusAsync(None));
        RecoveryReport report = await WithAdminAsync(folder, admin => admin.SyncJournalAsync(None));
        ReaderStatusReport after = await WithAdminAsync(folder, admin => admin.GetStatusAsync(None));

        Assert.Equal(1u, before.UnfiledRecords);
        VoidedRecord voided = Assert.Single(report.Voided);
        Assert.Equal(orphan.Counter, voided.Counter);
        Assert.Equal(7_00, voided.Amount);
        Assert.Equal(orphan.Counter, report.AcknowledgedUpTo);
        Assert.Equal(0u, after.UnfiledRecords);
        var filed = await folder.Scene.FiledAsync(1);
        Assert.Equal((long)ReasonCode.RecordVoided, filed[orphan.Counter].Outcome);
        Assert.Equal(balance, await folder.Scene.ScalarAsync("SELECT balance FROM persons WHERE resident_id = '" + CheckoutScene.ResidentId + "'"));
    }

    [Fact]
    public async Task A_factory_wipe_files_the_journal_first_and_leaves_the_reader_unprovisioned()
    {
        await using SceneFolder folder = await SceneFolder.CreateAsync();
        SignedRecord orphan = await folder.SignWithoutFilingAsync(1, 4_00);

        RecoveryReport? filedFirst = await WithAdminAsync(folder, admin => admin.FactoryWipeAsync(None));

        Assert.NotNull(filedFirst);
        Assert.Equal(orphan.Counter, Assert.Single(filedFirst!.Voided).Counter);
        Assert.True((await folder.Scene.FiledAsync(1)).ContainsKey(orphan.Counter));
        await using SimulatedReaderTransport reader = SimulatedReaderTransport.Open(folder.Scene.ReaderFolder(1));
        await using ReaderAdministration wiped = await ReaderAdministration.OpenAsync(reader, folder.Scene.Store, null, None);
        Assert.Equal(0u, wiped.ReaderId);
        Assert.False(wiped.KnownToLedger);
        await Assert.ThrowsAsync<CheckoutException>(() => wiped.SyncJournalAsync(None));
        ReaderStatusReport status = await wiped.GetStatusAsync(None);
        Assert.Null(status.LedgerCounter);
    }

    private static async Task<T> WithAdminAsync<T>(SceneFolder folder, Func<ReaderAdministration, Task<T>> action)
    {
        await using SimulatedReaderTransport reader = SimulatedReaderTransport.Open(folder.Scene.ReaderFolder(1));
        await using ReaderAdministration admin = await ReaderAdministration.OpenAsync(reader, folder.Scene.Store, null, None);
        return await action(admin);
    }
}
