from remotegpu.cli import main

main()
