DataGenCommand.main()
