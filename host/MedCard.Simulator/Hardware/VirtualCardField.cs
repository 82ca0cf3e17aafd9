using System;
using System.Threading;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Hardware;

/// <summary>
/// The reader's antenna field: at most one <see cref="VirtualMifareCard"/> rests in it. Any thread may
/// <see cref="Place"/> or <see cref="Lift"/> a card; the firmware core's calls come from the poll thread.
/// A card swapped between two calls makes the next MIFARE command fail, as lifting a real card does.
/// </summary>
internal sealed class VirtualCardField : ICardField
{
    private VirtualMifareCard? _inField;
    private VirtualMifareCard? _selected;

    /// <summary>The card in the field, or null.</summary>
    public VirtualMifareCard? Current => Volatile.Read(ref _inField);

    /// <summary>Put a card on the reader (replacing any card already there).</summary>
    public void Place(VirtualMifareCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Volatile.Write(ref _inField, card);
    }

    /// <summary>Take the card off the reader.</summary>
    public void Lift() => Volatile.Write(ref _inField, null);

    public bool TryDetect(DetectedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        VirtualMifareCard? present = Current;
        _selected = present;
        if (present is null)
        {
            return false;
        }

        present.Select();
        card.Clear();
        present.Uid.CopyTo(card.Uid, 0);
        card.UidLength = present.Uid.Length;
        card.Atqa = present.Atqa;
        card.Sak = present.Sak;
        return true;
    }

    public bool Authenticate(int blockNumber, MifareKeyType keyType, byte[] key, int keyOffset)
    {
        ArgumentNullException.ThrowIfNull(key);
        VirtualMifareCard? card = SelectedInField();
        return card is not null && card.Authenticate(blockNumber, keyType, key.AsSpan(keyOffset, 6));
    }

    public bool ReadBlock(int blockNumber, byte[] buffer, int offset)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        VirtualMifareCard? card = SelectedInField();
        return card is not null && card.ReadBlock(blockNumber, buffer.AsSpan(offset, VirtualMifareCard.BlockSize));
    }

    public bool WriteBlock(int blockNumber, byte[] data, int offset)
    {
        ArgumentNullException.ThrowIfNull(data);
        VirtualMifareCard? card = SelectedInField();
        return card is not null && card.WriteBlock(blockNumber, data.AsSpan(offset, VirtualMifareCard.BlockSize));
    }

    public bool Reselect()
    {
        VirtualMifareCard? card = SelectedInField();
        card?.Select();
        return card is not null;
    }

    public void Halt() => SelectedInField()?.Halt();

    /// <summary>The selected card if it is still the one in the field (a swap in between counts as a lost card).</summary>
    private VirtualMifareCard? SelectedInField()
    {
        VirtualMifareCard? present = Current;
        return present is not null && ReferenceEquals(present, _selected) ? present : null;
    }
}
