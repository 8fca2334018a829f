import ArgumentParser

RxServerCommand.main()
