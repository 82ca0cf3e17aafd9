using System;

namespace MedCard.Boards.Generator
{
    /// <summary>A board.txt that cannot be parsed; the message names the file and line.</summary>
    public sealed class BoardFormatException : Exception
    {
        /// <summary>Create the exception with a message that already names file and line.</summary>
        public BoardFormatException(string message)
            : base(message)
        {
        }
    }
}
