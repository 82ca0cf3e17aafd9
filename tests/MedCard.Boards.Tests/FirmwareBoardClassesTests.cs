using System.Linq;
using MedCard.Boards.Generator;
using MedCard.Firmware.App.Boards;
using Xunit;

namespace MedCard.Boards.Tests
{
    /// <summary>The committed firmware pin maps, compiled into this test assembly, against the board files.</summary>
    public class FirmwareBoardClassesTests
    {
        public static TheoryData<string> BoardIds() => CommittedBoardsTests.BoardIds();

        [Theory]
        [MemberData(nameof(BoardIds))]
        public void CatalogPinMapEqualsTheDescription(string id)
        {
            BoardDescription d = BoardRepository.LoadBoards(Repo.Root).Single(b => b.Id == id);
            BoardPins p = BoardCatalog.Find(id);

            Assert.NotNull(p);
            Assert.Equal(d.Id, p.Id);
            Assert.Equal(d.Name, p.Name);
            Assert.Equal((d.SpiBus, d.SpiClockHz, d.SpiMode), (p.RfidSpiBus, p.RfidSpiClockHz, p.RfidSpiMode));
            Assert.Equal((d.RfidSck, d.RfidMiso, d.RfidMosi, d.RfidCs, d.RfidReset), (p.RfidSck, p.RfidMiso, p.RfidMosi, p.RfidCs, p.RfidReset));
            Assert.Equal((d.UartPort, d.UartBaud, d.UartTx, d.UartRx), (p.HostPort, p.HostBaud, p.HostTx, p.HostRx));
            Assert.Equal(d.KeypadRows, p.KeypadRows);
            Assert.Equal(d.KeypadColumns, p.KeypadColumns);
            Assert.Equal(string.Concat(d.KeypadKeys), p.KeypadKeys);
            Assert.Equal(!d.KeypadColumnsExternalPullUp, p.KeypadColumnsInternalPullUp);
            Assert.Equal((d.LedGreen.Gpio, d.LedGreen.ActiveLow), (p.LedGreen, p.LedGreenActiveLow));
            Assert.Equal((d.LedRed.Gpio, d.LedRed.ActiveLow), (p.LedRed, p.LedRedActiveLow));
            Assert.Equal(d.LedBusy?.Gpio ?? BoardPins.NotFitted, p.LedBusy);
            Assert.Equal(d.Buzzer?.Gpio ?? BoardPins.NotFitted, p.Buzzer);
        }

        [Fact]
        public void CatalogKnowsEveryBoardAndNothingElse()
        {
            var ids = BoardRepository.LoadBoards(Repo.Root).Select(b => b.Id).ToArray();
            Assert.Equal(ids, BoardCatalog.Ids());
            Assert.Null(BoardCatalog.Find("no-such-board"));
        }

        [Fact]
        public void EachCallReturnsAFreshPinMap()
        {
            BoardPins a = Esp32DevKitC.Create();
            BoardPins b = Esp32DevKitC.Create();
            a.KeypadRows[0] = -5;
            Assert.NotEqual(a.KeypadRows[0], b.KeypadRows[0]);
        }
    }
}
