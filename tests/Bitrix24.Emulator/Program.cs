// dotnet run --project tests/Bitrix24.Emulator -- --port 0 --rate 2 --burst 50 --latency-ms 0 --seed-workflows 0
// Prints "Webhook: http://127.0.0.1:PORT/rest/1/CODE/" once it listens, then serves until stopped.
throw new NotImplementedException();
