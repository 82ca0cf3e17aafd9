using System;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Host.Crypto;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Hardware;
using Xunit;

namespace MedCard.EndToEnd.Tests.Simulator;

/// <summary>The virtual card enforces the MIFARE Classic key and access rules the firmware relies on.</summary>
public sealed class VirtualMifareCardTests
{
    private static readonly byte[] KeyAMaster = Filled(0x11);
    private static readonly byte[] KeyBMaster = Filled(0x33);
    private static readonly byte[] HolderMac = Filled(0x22);
    private static readonly byte[] Transport = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

    [Fact]
    public void A_blank_card_opens_with_the_transport_key_A_but_not_with_its_readable_key_B()
    {
        var card = new VirtualMifareCard(new byte[] { 1, 2, 3, 4 }, "blank");
        VirtualCardField field = FieldWith(card);
        Assert.True(field.Authenticate(4, MifareKeyType.KeyA, Transport, 0));
        Assert.True(field.WriteBlock(4, Filled(0xAB, 16), 0));
        Assert.True(field.Reselect());
        Assert.False(field.Authenticate(4, MifareKeyType.KeyB, Transport, 0)); // access 001: key B is readable, so it is not a key
    }

    [Fact]
    public void After_personalisation_the_transport_key_fails_key_A_reads_only_and_key_B_writes()
    {
        CardDeck deck = CardDeck.FromFile(new CardsFile
        {
            Scheme = new SchemeKeys
            {
                KeyAMasterKey = Convert.ToHexString(KeyAMaster), KeyBMasterKey = Convert.ToHexString(KeyBMaster), HolderMacKey = Convert.ToHexString(HolderMac),
            },
            Cards = { new CardSpec { Label = "c", Uid = "04A1B2C3D4E5F6", ResidentId = "11010519491231002X", Name = "A", Gender = "male", CardNumber = "C1" } },
        });
        VirtualMifareCard card = deck.Find("c");
        VirtualCardField field = FieldWith(card);
        byte[] keyA = new byte[6];
        byte[] keyB = new byte[6];
        var diversifier = new SectorKeyDiversifier(new DotNetHmacSha256());
        var issuer = new IssuerCardKeys(KeyAMaster, KeyBMaster, HolderMac);
        diversifier.DeriveKeyA(issuer, card.Uid, card.Uid.Length, 1, keyA);
        diversifier.DeriveKeyB(issuer, card.Uid, card.Uid.Length, 1, keyB);

        Assert.False(field.Authenticate(4, MifareKeyType.KeyA, Transport, 0));
        Assert.True(field.Reselect());
        Assert.True(field.Authenticate(4, MifareKeyType.KeyA, keyA, 0));
        byte[] block = new byte[16];
        Assert.True(field.ReadBlock(4, block, 0));
        Assert.Equal((byte)'M', block[0]); // the holder image starts with "MC"
        Assert.False(field.WriteBlock(5, Filled(0, 16), 0)); // data blocks: write with key B only
        Assert.False(field.ReadBlock(4, block, 0)); // a refused command drops the authentication

        Assert.True(field.Reselect());
        Assert.True(field.Authenticate(4, MifareKeyType.KeyB, keyB, 0));
        Assert.True(field.ReadBlock(7, block, 0));
        Assert.Equal(new byte[6], block[..6]); // key A never reads back
        Assert.Equal(new byte[] { 0x78, 0x77, 0x88 }, block[6..9]);
        Assert.Equal(new byte[6], block[10..16]); // key B not readable under access 011
        Assert.True(field.WriteBlock(6, Filled(0x5A, 16), 0));
        Assert.Equal(Filled(0x5A, 16), card.PeekBlock(6));
    }

    [Fact]
    public void A_card_lifted_between_commands_fails_the_next_command_and_block_0_is_read_only()
    {
        var card = new VirtualMifareCard(new byte[] { 9, 8, 7, 6 }, "x");
        VirtualCardField field = FieldWith(card);
        Assert.True(field.Authenticate(0, MifareKeyType.KeyA, Transport, 0));
        Assert.False(field.WriteBlock(0, Filled(0, 16), 0));
        Assert.Equal(new byte[] { 9, 8, 7, 6, 9 ^ 8 ^ 7 ^ 6 }, card.PeekBlock(0)[..5]);

        Assert.True(field.Reselect());
        Assert.True(field.Authenticate(4, MifareKeyType.KeyA, Transport, 0));
        field.Lift();
        Assert.False(field.ReadBlock(4, new byte[16], 0));
        field.Place(new VirtualMifareCard(new byte[] { 9, 8, 7, 6 }, "twin"));
        Assert.False(field.ReadBlock(4, new byte[16], 0)); // another card is not the selected one
    }

    private static VirtualCardField FieldWith(VirtualMifareCard card)
    {
        var field = new VirtualCardField();
        field.Place(card);
        var detected = new DetectedCard();
        Assert.True(field.TryDetect(detected));
        Assert.Equal(card.Uid.Length, detected.UidLength);
        Assert.True(detected.IsMifareClassic1K);
        return field;
    }

    private static byte[] Filled(byte value, int length = 32)
    {
        byte[] b = new byte[length];
        Array.Fill(b, value);
        return b;
    }
}
