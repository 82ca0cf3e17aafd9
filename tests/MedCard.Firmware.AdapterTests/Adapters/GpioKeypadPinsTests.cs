using System.Device.Gpio;
using MedCard.Firmware.App.Adapters;
using MedCard.Firmware.App.Boards;
using MedCard.Firmware.AdapterTests.NanoModels.Gpio;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Adapters
{
    /// <summary>GpioKeypadPins on every generated board, on the GPIO model with the board's external pull-ups fitted.</summary>
    public sealed class GpioKeypadPinsTests : ModelReset
    {
        public static TheoryData<string> Boards()
        {
            TheoryData<string> ids = new TheoryData<string>();
            foreach (string id in BoardCatalog.Ids())
            {
                ids.Add(id);
            }

            return ids;
        }

        private static GpioKeypadPins Wire(BoardPins board)
        {
            if (!board.KeypadColumnsInternalPullUp)
            {
                foreach (int column in board.KeypadColumns)
                {
                    GpioBoard.AddExternalPullUp(column);
                }
            }

            return new GpioKeypadPins(new GpioController(), board.KeypadRows, board.KeypadColumns, board.KeypadColumnsInternalPullUp);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void EachKeyReadsOnItsOwnRowAndColumnOnly(string id)
        {
            BoardPins board = BoardCatalog.Find(id);
            for (int r = 0; r < board.KeypadRows.Length; r++)
            {
                for (int c = 0; c < board.KeypadColumns.Length; c++)
                {
                    Reboot();
                    GpioKeypadPins keypad = Wire(board);
                    GpioBoard.Press(board.KeypadRows[r], board.KeypadColumns[c]);
                    for (int scan = 0; scan < board.KeypadRows.Length; scan++)
                    {
                        keypad.DriveRow(scan);
                        Assert.Equal(scan == r ? 1 << c : 0, keypad.ReadColumns());
                    }

                    keypad.ReleaseRows();
                    Assert.Equal(0, keypad.ReadColumns());
                }
            }
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void TwoKeysInOneColumnNeverShortTwoRows(string id)
        {
            BoardPins board = BoardCatalog.Find(id);
            GpioKeypadPins keypad = Wire(board);
            GpioBoard.Press(board.KeypadRows[0], board.KeypadColumns[0]);
            GpioBoard.Press(board.KeypadRows[1], board.KeypadColumns[0]);
            for (int scan = 0; scan < board.KeypadRows.Length; scan++)
            {
                keypad.DriveRow(scan);
                keypad.ReadColumns();
            }

            Assert.Equal(0, GpioBoard.ShortCircuits);
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void RowsAreOpenDrainAndColumnsInputs(string id)
        {
            BoardPins board = BoardCatalog.Find(id);
            Wire(board);
            foreach (int row in board.KeypadRows)
            {
                Assert.Equal(PinMode.OutputOpenDrain, GpioBoard.PinOf(row).GetPinMode());
            }

            foreach (int column in board.KeypadColumns)
            {
                Assert.Equal(board.KeypadColumnsInternalPullUp ? PinMode.InputPullUp : PinMode.Input, GpioBoard.PinOf(column).GetPinMode());
            }
        }

        [Fact]
        public void ColumnsOnGpio34To39WithoutExternalPullUpsLookPressed()
        {
            // Why the boards declare external pull-ups: the internal ones do not exist on these pins.
            BoardPins board = BoardCatalog.Find(Esp32DevKitC.Id);
            GpioKeypadPins keypad = new GpioKeypadPins(new GpioController(), board.KeypadRows, board.KeypadColumns, true);
            keypad.DriveRow(0);
            Assert.NotEqual(0, keypad.ReadColumns());
        }
    }
}
