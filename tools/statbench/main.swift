StatBenchCommand.main()
