using System;
using System.IO;
using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Storage
{
    /// <summary>
    /// The reader's card key dropped on its store at flashing time (e.g. <c>nanoff --filedeployment</c>), for readers
    /// provisioned without the ProvisionCardKeys message. File <see cref="FileName"/>: the key-A master, 32 bytes,
    /// nothing else (the issuer's key-B master and holder-data MAC key never go to a reader; a 64-byte file from before
    /// key separation is Malformed and destroyed). The file is consumed once, whatever it held: its bytes
    /// are overwritten with zeros before it is deleted (a plain delete leaves them in flash), and every copy in RAM
    /// is wiped. The same one-time rule as the message applies: a reader that has card keys keeps them (a factory
    /// wipe is the only way to change them) and the file is destroyed unread. Only a storage failure keeps the
    /// file, so the next boot retries. Portable: the app supplies the store (its I: drive adapter).
    /// </summary>
    public static class CardKeyDropFile
    {
        /// <summary>Name of the one-shot drop file: key-A master 32.</summary>
        public const string FileName = "ckeys.in";

        /// <summary>Exact length of a well-formed drop file.</summary>
        public const int FileLength = CardKeys.KeyLength;

        // Zeros written over a malformed file are capped: a huge stray file must not exhaust the heap.
        private const int MaxShredLength = 1024;

        /// <summary>Install the keys from the drop file, if there is one.</summary>
        public static CardKeyDropResult InstallIfPresent(IByteStore store, Provisioning provisioning)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (provisioning == null)
            {
                throw new ArgumentNullException("provisioning");
            }

            byte[] image = new byte[FileLength + 1];
            byte[] master = new byte[CardKeys.KeyLength];
            try
            {
                int length;
                try
                {
                    if (!store.Exists(FileName))
                    {
                        return CardKeyDropResult.NoFile;
                    }

                    length = store.Read(FileName, image, 0);
                }
                catch (IOException)
                {
                    return CardKeyDropResult.StoreFailed;
                }

                if (length < 0)
                {
                    return CardKeyDropResult.NoFile;
                }

                CardKeyDropResult result;
                if (length != FileLength)
                {
                    result = CardKeyDropResult.Malformed;
                }
                else if (provisioning.HasCardKeys)
                {
                    result = CardKeyDropResult.AlreadyInstalled;
                }
                else
                {
                    Array.Copy(image, 0, master, 0, CardKeys.KeyLength);
                    CardKeysStatus status = provisioning.InstallCardKeysOnce(master);
                    if (status == CardKeysStatus.StorageFailure)
                    {
                        return CardKeyDropResult.StoreFailed;
                    }

                    result = status == CardKeysStatus.Installed ? CardKeyDropResult.Installed : CardKeyDropResult.InvalidKey;
                }

                return Destroy(store, length) ? result : CardKeyDropResult.FileNotErased;
            }
            finally
            {
                ConstantTime.Wipe(image);
                ConstantTime.Wipe(master);
            }
        }

        private static bool Destroy(IByteStore store, int length)
        {
            int n = length < 1 ? 1 : (length > MaxShredLength ? MaxShredLength : length);
            try
            {
                store.Write(FileName, new byte[n], 0, n);
                store.Delete(FileName);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
