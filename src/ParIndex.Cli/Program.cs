using System.Text;
using ParIndex.Cli;

Console.OutputEncoding = Encoding.UTF8;
return Cli.Run(args, Console.Out, Console.Error, Terminal.Detect());
