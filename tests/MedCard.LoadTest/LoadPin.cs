using MedCard.Settlement.Model;

namespace MedCard.LoadTest;

/// <summary>PINs of the load run's holders, as the digits the ledger takes.</summary>
internal static class LoadPin
{
    public static PinDigits Digits(string pin)
    {
        byte[] digits = new byte[pin.Length];
        for (int i = 0; i < pin.Length; i++)
        {
            digits[i] = (byte)(pin[i] - '0');
        }

        return new PinDigits(digits);
    }
}
