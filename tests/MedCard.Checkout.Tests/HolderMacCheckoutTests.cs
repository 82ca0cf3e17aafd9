using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Simulator.InProcess;
using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary>
/// Key separation at the checkout: readers hold no holder-data MAC key, so the host (which holds the issuer's) verifies the
/// MAC the reader forwards. A card whose holder data carries another key's MAC is refused before the reader signs.
/// </summary>
public sealed class HolderMacCheckoutTests
{
    [Fact]
    public async Task A_card_with_the_issuers_holder_mac_settles_and_a_forged_one_is_refused_before_signing()
    {
        string folder = Path.Combine(Path.GetTempPath(), "medcard-holdermac-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using CheckoutScene scene = await CheckoutScene.CreateAsync(Path.Combine(folder, "ledger.db"), 100_00, 1, CancellationToken.None);

            CheckoutResult genuine = await scene.SettleAsync(1, 10_00, CancellationToken.None);
            Assert.True(genuine.IsSettled, genuine.ToString());

            uint signedBefore = SimulatedReaderFlash.Inspect(scene.ReaderFolder(1)).LastCounter;
            byte[] forger = new byte[32];
            for (int i = 0; i < forger.Length; i++)
            {
                forger[i] = (byte)(0xA0 + i); // a key someone could hold after extracting a reader: not the issuer's
            }

            CheckoutResult forged = await scene.SettleAsync(1, 10_00, CancellationToken.None, forger);
            Assert.False(forged.IsSettled, forged.ToString());
            Assert.Equal(signedBefore, SimulatedReaderFlash.Inspect(scene.ReaderFolder(1)).LastCounter); // nothing was signed
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
