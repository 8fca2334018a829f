import ArgumentParser

RxctlCommand.main()
