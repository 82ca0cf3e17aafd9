using MedCard.Firmware.Keypad;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class PinEntryTests
    {
        private static PinEntry Typed(string keys)
        {
            PinEntry entry = new PinEntry();
            entry.Start(PinEntry.MinLength, PinEntry.MaxLength);
            for (int i = 0; i < keys.Length; i++)
            {
                entry.Press(keys[i]);
            }

            return entry;
        }

        [TestMethod]
        public void DigitsAreCountedNotShown()
        {
            PinEntry entry = Typed("987");
            Assert.AreEqual(3, entry.DigitCount);
            Assert.IsFalse(entry.IsComplete);
            Assert.IsFalse(entry.IsWiped);
        }

        [TestMethod]
        public void EnterWithFourDigitsCompletes()
        {
            PinEntry entry = Typed("1234");
            Assert.AreEqual((int)PinEntryEvent.Submitted, (int)entry.Press('#'));
            Assert.IsTrue(entry.IsComplete);
            Assert.AreEqual((int)PinEntryEvent.Ignored, (int)entry.Press('5'), "no digits after submit");
            Assert.AreEqual(4, entry.DigitCount);
        }

        [TestMethod]
        public void EnterTooShortKeepsEntryOpen()
        {
            PinEntry entry = Typed("123");
            Assert.AreEqual((int)PinEntryEvent.TooShort, (int)entry.Press('#'));
            Assert.IsFalse(entry.IsComplete);
            Assert.AreEqual((int)PinEntryEvent.DigitAdded, (int)entry.Press('4'));
            Assert.AreEqual((int)PinEntryEvent.Submitted, (int)entry.Press('#'));
        }

        [TestMethod]
        public void ThirteenthDigitIsRefused()
        {
            PinEntry entry = Typed("123456789012");
            Assert.AreEqual((int)PinEntryEvent.TooLong, (int)entry.Press('3'));
            Assert.AreEqual(12, entry.DigitCount);
        }

        [TestMethod]
        public void RequestLimitsApply()
        {
            PinEntry entry = new PinEntry();
            entry.Start(6, 6);
            for (int i = 0; i < 5; i++)
            {
                entry.Press('1');
            }

            Assert.AreEqual((int)PinEntryEvent.TooShort, (int)entry.Press('#'));
            entry.Press('1');
            Assert.AreEqual((int)PinEntryEvent.TooLong, (int)entry.Press('1'));
            Assert.AreEqual((int)PinEntryEvent.Submitted, (int)entry.Press('#'));
        }

        [TestMethod]
        public void InvalidLimitsAreRejected()
        {
            PinEntry entry = new PinEntry();
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => entry.Start(3, 12));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => entry.Start(4, 13));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => entry.Start(8, 6));
        }

        [TestMethod]
        public void ClearErasesAndWipes()
        {
            PinEntry entry = Typed("5555");
            Assert.AreEqual((int)PinEntryEvent.Cleared, (int)entry.Press('*'));
            Assert.AreEqual(0, entry.DigitCount);
            Assert.IsTrue(entry.IsWiped);
        }

        [TestMethod]
        public void ClearOnEmptyEntryCancels()
        {
            PinEntry entry = Typed(string.Empty);
            Assert.AreEqual((int)PinEntryEvent.Cancelled, (int)entry.Press('*'));
        }

        [TestMethod]
        public void CancelKeyCancelsAndWipes()
        {
            PinEntry entry = Typed("12");
            Assert.AreEqual((int)PinEntryEvent.Cancelled, (int)entry.Press('D'));
            Assert.IsTrue(entry.IsWiped);
        }

        [TestMethod]
        public void LetterKeysAreIgnored()
        {
            PinEntry entry = Typed("1");
            Assert.AreEqual((int)PinEntryEvent.Ignored, (int)entry.Press('A'));
            Assert.AreEqual((int)PinEntryEvent.Ignored, (int)entry.Press('B'));
            Assert.AreEqual(1, entry.DigitCount);
        }

        [TestMethod]
        public void WipeAfterUseLeavesNoDigit()
        {
            PinEntry entry = Typed("9999#");
            Assert.IsTrue(entry.IsComplete);
            entry.Wipe();
            Assert.IsTrue(entry.IsWiped);
            Assert.IsFalse(entry.IsComplete);
        }
    }
}
