"""Surnames of Millbrook: a few very common, a long tail of rare ones.

In England the hundred commonest surnames cover about a fifth of the people
and a city of a million holds tens of thousands of distinct surnames, most of
them shared by a handful of families. Each community's pool is therefore a
head of real, common surnames listed most common first, followed by a tail
built from the elements surnames are actually made of: English place-name
roots and endings (Ash+worth, Brad+shaw, Hol+croft), sons of medieval first
names (Hodg+son, Daw+kins), Mac and Mc with Gaelic roots, Cornish Tre, Pen
and Pol, Polish -ski, -czyk and -ak, Lithuanian -auskas, Romanian -escu,
Yoruba Ade+, Olu+, Ogun+. Everything is a plain tuple built once at import,
in a fixed order, so the draws do not depend on hashing or on the seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable


def split(text: str) -> tuple[str, ...]:
    """Comma-separated names, in the order written."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """Names in first-seen order without repeats (a dict keeps insertion order)."""
    return tuple(dict.fromkeys(names))


def ranked(head: Iterable[str], tail: Iterable[str], key: str) -> tuple[str, ...]:
    """The head in its written order, then the tail in a fixed shuffled order.

    The rank decides the weight (names.Heritage.surname_zipf), so the tail is
    shuffled to give rare names of every shape a rare weight alike; the
    shuffle is seeded by a constant, not by the demo's seed.
    """
    head = _unique(head)
    seen = {name.split("/")[0] for name in head}
    rest = sorted({name for name in tail if name.split("/")[0] not in seen})
    random.Random(f"millbrook-surnames/{key}").shuffle(rest)
    return head + tuple(rest)


# -- British ---------------------------------------------------------------------

# Roughly in order of frequency in England and Wales, then the surnames of
# the north-west and Yorkshire, Scotland, Wales and Cornwall.
BRITISH_HEAD = split(
    "Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson,"
    " Roberts, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall,"
    " Lewis, Harris, Clarke, Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, Morris,"
    " Moore, Clark, Lee, King, Baker, Harrison, Morgan, Allen, James, Scott, Phillips,"
    " Watson, Davis, Parker, Price, Bennett, Young, Griffiths, Mitchell, Kelly, Cook,"
    " Carter, Richardson, Bailey, Collins, Bell, Shaw, Murphy, Miller, Cox, Richards,"
    " Marshall, Anderson, Simpson, Ellis, Adams, Wilkinson, Foster, Chapman, Powell, Webb,"
    " Rogers, Gray, Mason, Hunt, Campbell, Matthews, Owen, Palmer, Holmes, Mills, Barnes,"
    " Knight, Lloyd, Butler, Russell, Barker, Fisher, Stevens, Jenkins, Murray, Dixon,"
    " Harvey, Graham, Pearson, Fletcher, Walsh, Gibson, Howard, Andrews, Stewart, Elliott,"
    " Reynolds, Saunders, Payne, Fox, Ford, Pearce, Day, Brooks, West, Lawrence, Cole,"
    " Atkinson, Bradley, Spencer, Gill, Dawson, Ball, Burton, O'Brien, Watts, Rose, Booth,"
    " Perry, Ryan, Grant, Wells, Armstrong, Francis, Rees, Hayes, Hart, Hudson, Newman,"
    " Barrett, Webster, Hunter, Gregory, Carr, Lowe, Page, Marsh, Riley, Dunn, Woods,"
    " Parsons, Berry, Stone, Reid, Holland, Hawkins, Harding, Porter, Robertson, Newton,"
    " Oliver, Reed, Kennedy, Williamson, Bird, Gardner, Dean, Lane, Cooke, Bates,"
    " Henderson, Parry, Burgess, Bishop, Walton, Burns, Nicholson, Shepherd, Ross, Cross,"
    " Long, Freeman, Warren, Nicholls, Hamilton, Byrne, Sutton, McDonald, Yates, Hodgson,"
    " Robson, Curtis, Hopkins, O'Connor, Harper, Coleman, Watkins, Moss, McCarthy,"
    " Chambers, O'Neill, Griffin, Sharp, Hardy, Wheeler, Potter, Osborne, Johnston, Gordon,"
    " Doyle, Wallace, George, Jordan, Hutchinson, Rowe, Burke, May, Pritchard, Gilbert,"
    " Willis, Higgins, Read, Miles, Stevenson, Stephenson, Hammond, Arnold, Buckley,"
    " Walters, Hewitt, Barber, Nelson, Slater, Austin, Sullivan, Whitehead, Mann, Frost,"
    " Lambert, Stephens, Blake, Lynch, Goodwin, Barton, Woodward, Thomson, Cunningham,"
    " Quinn, Barnett, Baxter, Clayton, Nash, Greenwood, Jennings, Holt, Kemp, Poole,"
    " Gallagher, Bond, Stokes, Tucker, Davidson, Fowler, Heath, Norman, Middleton, Lees,"
    " Banks, French, Jarvis, Connolly, Hargreaves, Haynes, Noble, Pollard, Sims,"
    " Pickering, Brennan, Brookes, Rowley, Savage, Farrell, Dyer, Bradshaw, Hobbs,"
    " Schofield, Lord, Howell, Moran, Finch, Rhodes, Sanderson, Ashton, Daniels,"
    " Whittaker, Lucas, Bolton, Kirby, Whitworth, Steele, Fuller, Horton, Hale, Dobson,"
    " Chandler, Hodges, Morton, Tomlinson, Wade, Marriott, Weston, Blackburn, Townsend,"
    " Ashworth, Kershaw, Mellor, Hulme, Pilkington, Howarth, Haworth, Barlow, Ogden,"
    " Crossley, Sutcliffe, Hirst, Haigh, Sykes, Firth, Hinchliffe, Greenhalgh, Butterworth,"
    " Heywood, Kenyon, Holden, Hartley, Hoyle, Ingham, Naylor, Lister, Broadbent, Dyson,"
    " Brierley, Crabtree, Thornton, Wainwright, Waterhouse, Whiteley, Ramsden, Platt,"
    " Entwistle, Ainsworth, Openshaw, Pickles, Marsden, Ackroyd, Holroyd, Gledhill,"
    " Shackleton, Hindle, Horrocks, Hesketh, Rothwell, Worsley, Unsworth, Duckworth,"
    " Tattersall, Nuttall, Stansfield, Priestley, Illingworth, Holdsworth, Wadsworth,"
    " Lomax, Ormerod, Rawlinson, Halliwell, Fairclough, Pennington, Livesey, Cunliffe,"
    " Aspinall, Dewhurst, Greaves, Grimshaw, Heap, Jagger, Kay, Leach, Myers, Pollitt,"
    " Redfern, Shuttleworth, Smethurst, Stott, Walmsley, Wild, Wilde, Beaumont, Earnshaw,"
    " Fearnley, Helliwell, Horsfall, Moorhouse, Senior, Stead, Battersby, Brook, Bromley,"
    " Clegg, Cockcroft, Crompton, Dearden, Fenton, Haslam, Hopwood, Kenworthy, Mather,"
    " Morley, Needham, Partington, Radcliffe, Scholes, Tinker, Travis, Wardle, Winstanley,"
    " Worrall, Bottomley, Murgatroyd, Sowerby, Pickersgill, Ramsbottom, Higginbottom,"
    " Winterbottom, Wolstenholme, Birtwistle, Cryer, Womersley, Oldroyd, Robertshaw,"
    " Speak, Swift, Lumb, Collinge, Coupe, Fitton, Howcroft, Marsland, Siddall,"
    " Threlfall, Sharples, Rigby, Parkinson, Atherton, Cartwright, Wolfenden, Lowther,"
    " Bamford, Bagshaw, Brindle, Catterall, Chadwick, Charnock, Dawber, Eckersley,"
    " Gaskell, Hampson, Heyes, Hilton, Jolly, Kenny, Latham, Lathom, Lever, Makin,"
    " Molyneux, Ollerton, Parr, Pendlebury, Prescott, Rimmer, Roscoe, Seddon, Sephton,"
    " Standish, Tyldesley, Topping, Wallwork, Whalley, Whittle, Aldred, Barraclough,"
    " Binns, Brearley, Crowther, Denton, Exley, Farrar, Gomersall, Greenough, Hanson,"
    " Hemingway, Holmes, Jowett, Kitchen, Lockwood, Longbottom, Mitchell, Midgley, Nowell,"
    " Pollitt, Rushworth, Shaw, Slack, Spedding, Starkey, Sugden, Thewlis, Turton,"
    " Walshaw, Whiteoak, Wilby, Wormald, Stanley, Leigh, Bentley, Hepworth,"
    " Fraser, Morrison, Paterson, Ferguson, Kerr, McKenzie, Cameron, Duncan, Munro,"
    " Sinclair, Watt, Christie, Crawford, Dickson, Docherty, Drummond, Forsyth, Fyfe,"
    " Gilmour, Gillespie, Hogg, Hutchison, Innes, Laing, Lindsay, Menzies, Milne, Mowat,"
    " Muir, Ogilvie, Rankin, Rennie, Ritchie, Sutherland, Urquhart, Wilkie, Buchanan,"
    " Galbraith, Kirkpatrick, Lamont, MacLeod, McIntyre, McLean, Maxwell, Stirling,"
    " Boyd, Black, Baird, Brodie, Bruce, Chisholm, Colquhoun, Cowan, Dalgleish, Erskine,"
    " Fleming, Guthrie, Haig, Keir, Lockhart, Macrae, Moffat, Nairn, Pringle, Scobie,"
    " Shields, Thom, Tulloch, Weir, Young, Griffith, Bowen, Owens, Probert, Pugh, Bevan,"
    " Vaughan, Howells, Gwynne, Meredith, Llewellyn, Prosser, Prothero, Rice, Gough,"
    " Morgans, Hopkin, Jeffreys, Lloyd-Jones, Beynon, Bowden, Cadwallader, Gethin,"
    " Humphreys, Kendrick, Lougher, Maddox, Mostyn, Nevin, Parfitt, Powys, Pryce,"
    " Rowlands, Trevor, Tudor, Upton, Wynne, Penrose, Trelawny, Tremayne,"
    " Pascoe, Nance, Pengelly, Polglase, Trewin, Trevithick, Rosewarne, Chenoweth,"
    " Tregear, Penhaligon, Polkinghorne, Hocking, Jago, Kitto, Angove, Teague, Opie,"
    " Bassett, Dunstan, Rowse, Tonkin, Carne"
)

# First elements of English and Scottish place-name surnames.
_PLACE_ROOTS = split(
    "Ack, Ains, Alder, Ap, Arn, Ash, Ather, Aus, Bad, Bag, Bal, Bam, Bar, Bark, Barn, Bas,"
    " Bel, Ben, Bick, Bil, Bing, Birch, Black, Blen, Bol, Bos, Bot, Brad, Bram, Bran, Bren,"
    " Brid, Brig, Brock, Brom, Buck, Bur, Burn, Cal, Cam, Can, Car, Cas, Chad, Chat, Ched,"
    " Chel, Chil, Chip, Chis, Clay, Clif, Cod, Col, Cop, Cot, Crab, Cran, Cres, Crom, Cros,"
    " Crow, Cud, Dal, Dar, Den, Der, Dod, Don, Dor, Dray, Dud, Dun, Dur, Ead, East, Ed,"
    " Elm, Els, Ever, Fair, Fal, Far, Farn, Fel, Fen, Fern, Fin, Frod, Ful, Gar, Gat, Gil,"
    " Glad, Gold, Good, Gos, Green, Grim, Had, Hal, Ham, Har, Hart, Has, Hat, Haw, Hay,"
    " Hel, Hem, Hen, Hep, Her, Hes, Hey, Hil, Hind, Hol, Holm, Hop, Hor, Hun, Hux, Ing,"
    " Kel, Ken, Kes, Kil, King, Kirk, Lam, Lang, Lan, Lat, Lax, Led, Lind, Lit, Long, Lud,"
    " Lyd, Mal, Man, Mar, Mel, Mer, Mid, Mil, Mon, Moor, Mor, Mos, Nor, North, Not, Oak,"
    " Old, Ord, Ot, Over, Pad, Pick, Pil, Pit, Pres, Rad, Ram, Rams, Raw, Red, Ren, Rid,"
    " Rip, Roch, Rod, Rom, Ros, Roth, Row, Rud, Rush, Sal, San, Sand, Sax, Scar, Sed, Sel,"
    " Shel, Sher, Ship, Shor, Sil, Skel, Slad, Sned, South, Spal, Stain, Stan, Stock,"
    " Strat, Sud, Sut, Swin, Tad, Tam, Tat, Thorn, Thurs, Tid, Tod, Tol, Tot, Tur, Wad,"
    " Wal, Walm, War, Wat, Wed, Wel, Wen, West, Whal, Wheat, Whit, Wig, Wil, Win, Wit, Wol,"
    " Wood, Wool, Wor, Wy, Yar, Summer, Winter, Nether, Water, Butter, Silver, Hather,"
    " Hether, Brether, Ayles, Barns, Bickers, Brams, Cheet, Clither, Crook, Elling, Gris,"
    " Heck, Knott, Lyn, Os, Pens, Rain, Rock, Saddle, Sow, Stap, Tib, Twy, Ux, Wark, Whel,"
    " Wray, Yeld, Apple, Beech, Brack, Brant, Brear, Bright, Broad, Bux, Cart, Dew, Eg,"
    " Fell, Glen, Gran, Hack, Heath, Hinch, How, Ilk, Kent, Knap, Lin, Midg, Mort, Pem,"
    " Pock, Prest, Rook, Rose, Rye, Saw, Scot, Shep, Skip, Spen, Spring, Staple, Stav,"
    " Swal, Thack, Tip, Ward, Wild, Wilm, Wrang, Yat, Ake, Alk, Ard, Ask, Bald, Beck, Berk,"
    " Bess, Bid, Blax, Bold, Bon, Box, Brain, Brent, Bul, Burl, Chal, Char, Clax, Com,"
    " Corn, Crad, Cray, Dent, Dit, Edg, Elk, Ems, Faw, Flax, Flet, Fram, Fris, Frith, Gad,"
    " Gal, Garth, Glas, Gor, Gret, Hals, Hamp, Hans, Harl, Hemp, Hick, Hig, Hock, Hod,"
    " Horn, Hud, Hunt, Kem, Kid, Lad, Lark, Law, Lay, Leck, Len, Lid, Ling, Lof, Lor, Lov,"
    " Lum, Marl, Maw, Min, Mol, Mot, Moul, Ned, Nock, Orm, Ox, Pag, Pal, Pap, Par, Pel,"
    " Pet, Pin, Plat, Plum, Pon, Port, Pow, Quar, Rick, Rig, Ring, Roll, Scal, Shap, Shar,"
    " Shil, Shir, Sib, Sid, Smal, Snow, Som, Spar, Stam, Stil, Stour, Strad, Swan, Syd,"
    " Tav, Ted, Tem, Ten, Tew, Thax, Thir, Tick, Til, Tim, Tor, Trim, Tud, Tyl, Wend, Whin,"
    " Wid, Wink, Wins, Wir, Wis, Wold, Wrax"
)
# Their second elements, and how often a root takes each (every nth root).
_PLACE_ENDINGS = (
    ("ley", 1),
    ("ton", 1),
    ("worth", 1),
    ("shaw", 1),
    ("ford", 1),
    ("field", 1),
    ("well", 1),
    ("ham", 1),
    ("wood", 1),
    ("by", 1),
    ("croft", 1),
    ("hurst", 1),
    ("dale", 1),
    ("bury", 1),
    ("den", 1),
    ("don", 1),
    ("wick", 1),
    ("more", 2),
    ("cliffe", 2),
    ("bridge", 2),
    ("brook", 2),
    ("hall", 2),
    ("stead", 2),
    ("ridge", 2),
    ("hill", 2),
    ("stone", 2),
    ("burn", 2),
    ("leigh", 2),
    ("combe", 3),
    ("land", 3),
    ("bourne", 3),
    ("gate", 3),
    ("low", 3),
    ("holme", 3),
    ("thorpe", 3),
    ("cote", 3),
    ("berry", 2),
    ("hirst", 3),
    ("lee", 3),
    ("cliff", 3),
    ("sted", 4),
    ("coombe", 4),
    ("ly", 4),
    ("thwaite", 5),
    ("house", 5),
    ("royd", 5),
)

# Sons and diminutives of medieval first names, less common than the head.
BRITISH_PATRONYMS = split(
    "Dawkins, Tomkins, Simkins, Perkins, Larkins, Atkins, Dickens, Dickinson, Hodgkins,"
    " Hodgkinson, Hopkinson, Watkinson, Tomkinson, Jenkinson, Dobbs, Gibbs, Dodds, Judd,"
    " Judson, Jepson, Magson, Mallinson, Emson, Edson, Hewson, Rogerson, Simmonds, Simmons,"
    " Symonds, Saunderson, Batty, Batson, Bateson, Hitchens, Hitchin, Hiscock, Wilcox,"
    " Wilcock, Alcock, Hancock, Pocock, Adcock, Laycock, Meacock, Simcock, Hiscox,"
    " Jeffcock, Jeffs, Jefferies, Jeffery, Dawes, Davison, Davey, Davie, Dennison,"
    " Tennant, Hobson, Dobson, Gibbons, Gibbins, Jennison, Jenks, Hawkes, Hodge, Hodson,"
    " Hudson, Huggins, Higgs, Higginson, Hitchinson, Howson, Hughson, Jacks, Jakeman,"
    " Jeavons, Malkin, Mattison, Mayson, Nixon, Nickson, Parkin, Parkins, Paulson,"
    " Pattinson, Pattison, Phipps, Philpot, Philcox, Pilkins, Randall, Randle, Rawlins,"
    " Rawson, Ricketts, Robins, Robbins, Rodgers, Sandys, Sanders, Sisson, Tibbs,"
    " Tibbits, Tompkins, Tonks, Watkiss, Watson-Smith, Wilkes, Wilks, Wilkins, Willetts,"
    " Wiltshire, Addison, Allcock, Allison, Anson, Benson, Bennison, Collinson, Colson,"
    " Ellison, Empson, Gibbard, Gilson, Hallson, Harkins, Jobson, Jopson, Lawson, Levison,"
    " Makinson, Margetson, Moxon, Nelson-Hall, Pearsall, Proudlove, Rollinson, Roxby,"
    " Stimson, Stimpson, Swainson, Thewlis, Tillotson, Tomlin, Torkington, Wrigley"
)
# Settlements of "the people of": Bebb+ington, Cott+ingham, Ell+ingworth.
_ING_ROOTS = split(
    "Add, Bab, Bebb, Bill, Bonn, Budd, Cott, Cudd, Dorr, Edd, Ell, Farr, Gedd, Hadd,"
    " Hedd, Hett, Kidd, Kill, Lill, Padd, Penn, Pidd, Ridd, Sill, Tidd, Tipp, Topp,"
    " Wadd, Wedd, Whitt, Will, Worr, Bidd, Bunn, Lidd, Redd, Skell, Bell, Darr, Tedd"
)
_ING_ENDINGS = (("ington", 1), ("ingham", 1), ("ingley", 2), ("ingworth", 2), ("ingfield", 3))

# Gaelic roots after Mac and Mc (Scottish and Ulster) and O' (Irish).
GAELIC_ROOTS = split(
    "Adam, Alister, Allan, Alpine, Arthur, Aulay, Bain, Bean, Beth, Brayne, Bride,"
    " Cabe, Call, Cann, Carthy, Clean, Clure, Coll, Conachie, Connell, Cormack, Crae,"
    " Cready, Creath, Culloch, Dermott, Diarmid, Donagh, Donald, Dougall, Dowell, Duff,"
    " Elroy, Ewan, Fadyen, Fall, Farlane, Fee, Gill, Ginley, Glashan, Glynn, Gonigle,"
    " Gowan, Grath, Gregor, Guire, Hugh, Ilroy, Ilwain, Innes, Intosh, Intyre, Isaac,"
    " Iver, Kay, Kechnie, Kee, Keever, Kelvie, Kendrick, Kenna, Kenzie, Keown, Kerrow,"
    " Kie, Killop, Kinlay, Kinnon, Knight, Lachlan, Laren, Laughlin, Lean, Lellan,"
    " Lennan, Leod, Lintock, Mahon, Manus, Master, Menamin, Millan, Morrow, Murdo,"
    " Nab, Nair, Nally, Namara, Naughton, Neil, Nicol, Nulty, Pake, Phail, Pherson,"
    " Quade, Quarrie, Queen, Rae, Ritchie, Robbie, Shane, Sorley, Sween, Tavish,"
    " Taggart, Tear, Vey, Vicar, Vitie, Walter, Whirter, William, Kinley, Gettigan,"
    " Crory, Cusker, Ateer, Cullagh, Elhinney, Geown, Gurk, Kibben, Lernon, Roberts,"
    " Sherry, Stay, Ternan, Veigh"
)
IRISH_O_ROOTS = split(
    "Brien, Connor, Donnell, Neill, Reilly, Sullivan, Callaghan, Carroll, Dea, Dowd,"
    " Driscoll, Dwyer, Flaherty, Flynn, Gorman, Grady, Hara, Hare, Keefe, Kane, Leary,"
    " Loughlin, Mahony, Malley, Mara, Meara, Rourke, Shea, Shaughnessy, Toole, Halloran,"
    " Hanlon, Neal, Regan, Riordan, Doherty, Donoghue, Boyle, Byrne, Brady, Brennan,"
    " Cahill, Callan, Carolan, Casey, Cleary, Connell, Connolly, Dell, Donovan, Farrell,"
    " Gara, Hagan, Hanrahan, Hea, Higgins, Kelly, Kennedy, Leary, Mahoney, Mallon,"
    " Mullan, Nolan, Rafferty, Rahilly, Reardon, Rorke, Shaughnessy, Sheehan, Tierney,"
    " Boyce, Beirne, Dwyer, Fee, Gallagher, Halpin, Keeffe, Kennelly, Mulvey, Meally,"
    " Quinn, Rooney, Dowling, Hehir, Kinsella, Madden, Morchoe, Mullane, Sheil"
)

_CORNISH_PARTS = (
    split("Tre, Pen, Pol"),
    split(
        "gear, lawn, maine, vithick, wartha, wella, wen, gony, hane, harne, dinnick, gelly,"
        " glase, kinghorne, rose, haligon, darves, gothen, warne, leven, menna, nance,"
        " rice, whella, dennick, seath, berth, fold, gowan, lease, vean, willy, zance"
    ),
)
# Occupations that made surnames with -wright, -man, -er and -ward.
_TRADES = (
    split("Wain, Cart, Ark, Wheel, Plough, Boat, Ship, Sea, Mill, Tile, Whit"),
    split("wright"),
)
_MEN = (
    split(
        "Bow, Chap, Coal, Hay, Hill, Holl, Lock, New, Shear, Stead, Wood, Brook, Church,"
        " Lang, Moor, Park, Pit, Pack, Stone, Tall, Todd, Brad, Fair, Good, Hard, Salt,"
        " Seal, Spell, Steed, Thorn, Weather, Board, Bridg, Castle, Gold, Marsh, Tilling"
    ),
    split("man"),
)

# Surnames that belong to one famous person, or read as a word, not a family:
# the generators never make them.
_NOT_GENERATED = frozenset(
    split(
        "Beckham, Churchill, Attenborough, Gascoigne, Tolkien, Shakespeare, Darwin,"
        " Lennon, Cromwell, Wellington, Washington, Woodland, Hillside, Sandstone,"
        " Sandwich, Bedford, Stonehouse, Greenhouse, Woodhouse, Roundhouse, Outhouse,"
        " Warehouse, Boathouse, Lighthouse, Playhouse, Coalman, Postman, Workman, Woodman,"
        " Woolworth, Paddington, Crookbrook, Badly, Baldly, Barberry, Blackberry, Boxwood,"
        " Broadly, Burly, Bursted, Carton, Cartridge, Fairly, Garden, Kingly, Motley,"
        " Overland, Pardon, Parley, Rickshaw, Rosewood, Tendon, Weatherman, Canton, Farton,"
        " Dungate"
    )
)
# Syllables nobody would carry as a surname once two elements meet.
_AWKWARD = ("shit", "piss", "cunt", "twat", "fuck", "wank", "arse", "crap", "turd", "slut")


def _compounds(roots: Iterable[str], endings: Iterable[tuple[str, int]]) -> list[str]:
    """Root + ending, every root taking the common endings and every nth root the rarer."""
    made: list[str] = []
    for index, root in enumerate(_unique(roots)):
        for ending, every in endings:
            if index % every:
                continue
            name = _join(root, ending)
            if name:
                made.append(name)
    return made


_VOWELS = frozenset("aeiouy")


def _join(root: str, ending: str) -> str:
    low = root.lower()
    if low[-1] == ending[0] or ending[:2] in low or (low[-1] == "s" and ending[0] == "h"):
        return ""  # Woodd-, Ashh-, Hamham: no such junction
    trailing = len(low) - len(low.rstrip("bcdfghjklmnpqrstvwxz"))
    leading = len(ending) - len(ending.lstrip("bcdfghjklmnpqrstvwxz"))
    if trailing + leading >= 5 or (low[-1] in _VOWELS and ending[0] in _VOWELS):
        return ""  # Thornthwaite reads, Birchstead does not
    name = root + ending
    lowered = name.lower()
    if name in _NOT_GENERATED or any(part in lowered for part in _AWKWARD):
        return ""
    return name


def _pairs(firsts: Iterable[str], seconds: Iterable[str]) -> list[str]:
    return [first + second for first in firsts for second in seconds]


def british_tail() -> list[str]:
    names = _compounds(_PLACE_ROOTS, _PLACE_ENDINGS)
    names += _compounds(_ING_ROOTS, _ING_ENDINGS)
    names += [f"Mac{root}" for root in GAELIC_ROOTS]
    names += [f"Mc{root}" for root in GAELIC_ROOTS]
    names += [f"Mac{root.lower()}" for root in GAELIC_ROOTS[::3]]  # "Macdonald"
    names += _pairs(*_CORNISH_PARTS)
    names += _pairs(*_TRADES)
    names += [name for name in _pairs(*_MEN) if name not in _NOT_GENERATED]
    return [name for name in names if name not in _NOT_GENERATED]


BRITISH = ranked(BRITISH_HEAD + BRITISH_PATRONYMS, british_tail(), "british")

# -- Irish -----------------------------------------------------------------------

IRISH_HEAD = split(
    "Murphy, Kelly, O'Sullivan, Walsh, Smith, O'Brien, Byrne, Ryan, O'Connor, O'Neill,"
    " O'Reilly, Doyle, McCarthy, Gallagher, O'Doherty, Kennedy, Lynch, Murray, Quinn,"
    " Moore, McLoughlin, O'Carroll, Connolly, Daly, O'Connell, Wilson, Dunne, Brennan,"
    " Burke, Collins, Campbell, Clarke, Johnston, Hughes, O'Farrell, Fitzgerald, Brown,"
    " Martin, Maguire, Nolan, Flynn, Thompson, O'Callaghan, O'Donnell, Duffy, O'Mahony,"
    " Boyle, Healy, O'Shea, White, Sweeney, Hayes, Kavanagh, Power, McGrath, Moran,"
    " Brady, Stewart, Casey, Foley, Fitzpatrick, O'Leary, McDonnell, MacNamara, Donnelly,"
    " Regan, Donovan, Burns, Flanagan, Mullan, Barry, Kane, Robinson, Cunningham,"
    " Griffin, Kenny, Sheehan, Ward, Whelan, Lyons, Reid, Graham, Higgins, Cullen, Keane,"
    " King, Maher, McKenna, Bell, Scott, Hogan, O'Keeffe, Magee, McNamara, McDonald,"
    " MacDermott, Molony, O'Rourke, Buckley, O'Dwyer, Hegarty, Devlin, Cassidy, Corcoran,"
    " Dolan, Egan, Fallon, Geraghty, Hennessy, Keogh, Lenihan, Mulligan, Nugent,"
    " Phelan, Rooney, Tierney, Twomey, Wall, Cahill, Carey, Coughlan, Coyle, Crowley,"
    " Delaney, Dempsey, Fahy, Hanlon, Heffernan, Hurley, Kiernan, Lawlor, McGuinness,"
    " Mooney, Naughton, Noonan, Quigley, Shanahan, Slattery, Tobin, Tracey"
)


def irish_tail() -> list[str]:
    names = [f"O'{root}" for root in IRISH_O_ROOTS]
    names += [f"Mac{root}" for root in GAELIC_ROOTS[::2]]
    names += [f"Mc{root}" for root in GAELIC_ROOTS]
    return names


IRISH = ranked(IRISH_HEAD, irish_tail(), "irish")

# -- Caribbean -------------------------------------------------------------------

CARIBBEAN = ranked(
    split(
        "Campbell, Brown, Williams, Smith, Thomas, Clarke, Reid, Francis, Edwards, Thompson,"
        " Grant, Morgan, Bailey, Henry, McKenzie, Johnson, Lewis, Robinson, Gordon, Simpson,"
        " Walker, Allen, Bennett, Blake, Gayle, Powell, Samuels, Richards, Stewart, Walters,"
        " Wright, Spence, Hylton, Harris, Forbes, Barrett, Green, Jackson, Daley, Dixon,"
        " Ellis, Graham, Lindo, Morrison, McLean, Palmer, Patterson, Russell, Scott, Bryan,"
        " Whyte, Wilson, Anderson, Beckford, Bellamy, Bernard, Bishop, Brissett, Burke,"
        " Cole, Davis, Dennis, Douglas, Dunkley, Ebanks, Facey, Ferguson, Fraser, Gardner,"
        " Gooden, Hall, Hamilton, Hinds, Hutchinson, James, Jarrett, Joseph, King, Lawrence,"
        " Levy, Lyn, Malcolm, Marshall, Matthews, Miller, Mitchell, Murray, Nelson, Nugent,"
        " Osbourne, Pinnock, Pryce, Ramsay, Reynolds, Ricketts, Roberts, Rowe, Salmon,"
        " Shaw, Sinclair, Squire, Taylor, Tomlinson, Wallace, Watson, Webley, White,"
        " Wiltshire, Wong, Young, Gayle, Pusey, Duhaney, Chambers, Mignott, Spencer, Clayton"
    ),
    (),
    "caribbean",
)

# -- South Asian -----------------------------------------------------------------

PAKISTANI = ranked(
    split(
        "Khan, Hussain, Ahmed, Ali, Akhtar, Iqbal, Mahmood, Shah, Rashid, Butt, Malik,"
        " Qureshi, Raza, Aslam, Javed, Anwar, Bashir, Hanif, Hafeez, Latif, Sadiq, Saleem,"
        " Nawaz, Yousaf, Rehman, Riaz, Zaman, Tariq, Arshad, Ashraf, Aziz, Siddique, Abbas,"
        " Haider, Naqvi, Bukhari, Gillani, Chaudhry, Choudhry, Mirza, Baig, Bhatti, Sheikh,"
        " Jamil, Karim, Majeed, Mughal, Nazir, Rafiq, Rasool, Sabir, Shafiq, Younis, Zafar,"
        " Amin, Azam, Farooq, Hameed, Ilyas, Ishaq, Kayani, Khalid, Masood, Mehmood, Mumtaz,"
        " Naeem, Parvez, Qadir, Rauf, Sarwar, Shahzad, Sultan, Waheed, Yaqub, Zahid, Akram,"
        " Aftab, Afzal, Altaf, Asghar, Dar, Ghani, Habib, Hassan, Ibrahim, Imran, Irfan,"
        " Jan, Kabir, Kazmi, Lodhi, Mansoor, Mir, Nadeem, Noor, Qamar, Rana, Sajid, Shabir,"
        " Shaukat, Sohail, Tahir, Usman, Yasin, Mohammed, Ahmad, Hussein, Rehman-Khan,"
        " Abid, Adil, Akbar, Arif, Asif, Ayub, Aziz-Khan, Bano, Din, Fazal, Ghafoor,"
        " Ghulam, Hamid, Hashmi, Hayat, Iftikhar, Ijaz, Inayat, Jabbar, Jahangir, Jalil,"
        " Kamran, Kausar-Ali, Khaliq, Maqsood, Mehboob, Mukhtar, Munir, Mushtaq, Nasir,"
        " Nazar, Pervaiz, Qayyum, Rahim, Ramzan, Rashid-Khan, Sabri, Safdar, Sajjad, Sarfraz,"
        " Shafi, Shakoor, Sharif, Shehzad, Siddiqui, Suleman, Tanveer, Wahid, Waqar, Yousuf,"
        " Zaheer, Zubair, Awan, Janjua, Rajput, Jatt, Gujjar, Minhas, Abbasi, Durrani,"
        " Yusufzai, Afridi, Khattak, Niazi"
    ),
    (),
    "pakistani",
)

INDIAN = ranked(
    split(
        "Patel, Sharma, Kumar, Gupta, Mistry, Desai, Parmar, Chauhan, Joshi, Shah, Mehta,"
        " Lad, Solanki, Bhatt, Chavda, Dave, Gohil, Jadeja, Makwana, Modi, Naik, Pandya,"
        " Parekh, Rathod, Thakkar, Trivedi, Vaghela, Vyas, Amin, Bhatia, Chopra, Kapoor,"
        " Khanna, Malhotra, Mehra, Saini, Sethi, Sood, Tandon, Verma, Arora, Agarwal, Bansal,"
        " Goyal, Jain, Mittal, Singhal, Iyer, Iyengar, Menon, Nair, Pillai, Reddy, Rao, Naidu,"
        " Krishnan, Subramanian, Ramesh, Venkatesh, Chatterjee, Banerjee, Mukherjee, Das,"
        " Ghosh, Bose, Sen, Dutta, Roy, D'Souza, Fernandes, D'Mello, Pereira, D'Costa,"
        " Rodrigues, Pinto, Lobo, Lal, Ram, Kotecha, Lakhani, Majithia, Morjaria, Pattni,"
        " Radia, Ruparelia, Sodha, Tanna, Thanki, Unadkat, Chudasama, Gajjar, Kachhela,"
        " Limbachia, Mandalia, Pindoria, Vadher, Varsani, Hirani, Halai, Kerai, Pindolia,"
        " Raithatha, Chandarana, Ganatra, Popat, Acharya, Bhalla, Chandra, Dixit, Goswami,"
        " Jha, Kaul, Mishra, Nanda, Pandey, Prasad, Rana, Saxena, Shukla, Srivastava,"
        " Tiwari, Tripathi, Upadhyay, Yadav, Anand, Bedi, Chadha, Dhawan, Grover, Kohli,"
        " Luthra, Nayar, Puri, Suri, Talwar, Wadhwa, Singh"
    ),
    (),
    "indian",
)

SIKH = ranked(
    split(
        "Singh, Gill, Sandhu, Dhillon, Bains, Sidhu, Grewal, Sahota, Mann, Atwal, Basra,"
        " Bhamra, Dhaliwal, Gahir, Johal, Kang, Sohal, Thind, Virdi, Chahal, Dhami, Dosanjh,"
        " Hayer, Hundal, Kalsi, Kooner, Matharu, Nijjar, Purewal, Randhawa, Sangha, Sekhon,"
        " Takhar, Uppal, Bassi, Bhogal, Bhullar, Chana, Deol, Gosal, Kandola, Khaira, Mahal,"
        " Panesar, Rehal, Sanghera, Tiwana, Badesha, Bhandal, Cheema, Ghuman, Heer, Kahlon,"
        " Multani, Pabla, Sahni, Toor, Chohan, Rai, Lall, Sehmi, Aujla, Bal, Birdi, Boparai,"
        " Brar, Dhanda, Dhesi, Gakhal, Garcha, Gidda, Jandu, Jheeta, Kaler, Kular, Mangat,"
        " Nahal, Padda, Rayat, Samra, Saroya, Sond, Sran, Tatla, Thandi, Virk, Bhachu,"
        " Chaggar, Digpal, Flora, Hothi, Jagpal, Jutla, Khakh, Lotay, Marwaha, Nagra, Ubhi"
    ),
    (),
    "sikh",
)

BANGLADESHI = ranked(
    split(
        "Miah, Uddin, Rahman, Islam, Ahmed, Hussain, Chowdhury, Hoque, Ali, Khan, Begum,"
        " Alam, Hossain, Karim, Mahmud, Mia, Munshi, Sarkar, Talukdar, Haque, Choudhury,"
        " Rashid, Kabir, Amin, Aziz, Bari, Basit, Hannan, Jalal, Khatun, Malik, Mannan,"
        " Masud, Mollah, Motin, Nur, Rab, Rouf, Sattar, Shikder, Sultana, Wahid, Zaman,"
        " Abedin, Akbar, Ashraf, Bhuiyan, Faruk, Gazi, Habib, Hasan, Jamal, Kamal, Latif,"
        " Majumder, Mazumder, Mridha, Patwary, Quddus, Razzak, Shaheen, Siddique, Uddin-Ahmed"
    ),
    (),
    "bangladeshi",
)

# -- African ---------------------------------------------------------------------

_YORUBA = (
    split("Ade, Ola, Olu, Oye, Ogun, Ayo, Akin, Fola, Oba"),
    split(
        "bayo, yemi, wale, kunle, tunde, sanya, leke, biyi, dele, femi, seye, tola, lana,"
        " sola, kanmi, goke, toye, wumi, nuga, yinka, dipo, jobi, labi, bisi, niyi, fisayo,"
        " gbenga, jide, mola, tosin, dapo, diran, lowo, nike, yode, wunmi"
    ),
)
NIGERIAN = ranked(
    split(
        "Adebayo, Okafor, Okoro, Adeyemi, Chukwu, Nwosu, Eze, Balogun, Ogunleye, Okonkwo,"
        " Nwachukwu, Adeleke, Oyelaran, Obi, Okeke, Nwankwo, Ugwu, Okoye, Anyanwu, Ibe,"
        " Ezeh, Nwafor, Obiora, Okpara, Onuoha, Uzor, Agu, Ezeani, Igwe, Iheanacho, Mbah,"
        " Nweke, Ogbonna, Udeh, Umeh, Ejiofor, Nnaji, Okwu, Nwadike, Chukwuma, Onwuka,"
        " Ezeoke, Okorie, Nwogu, Ekwueme, Emenike, Afolabi, Ajayi, Akande, Alabi, Babatunde,"
        " Bakare, Fashola, Ibrahim, Bello, Abubakar, Musa, Osagie, Omoregie, Aigbe, Idowu,"
        " Lawal, Oladipo, Olaniyan, Oni, Owolabi, Salami, Sanni, Shittu, Williams, Johnson,"
        " Ojo, Oyewole, Akinyemi, Ogundipe, Ogunbiyi, Ojukwu, Onyekwere, Eboh, Ekpo, Etim,"
        " Bassey, Effiong, Udoh, Okon, Edet, Akpan, Inyang, Ita, Okafor-Smith, Oduya"
    ),
    # Not Ibi+bisi nor Ojo+jobi: the joined syllables must differ.
    [first + second for first in _YORUBA[0] for second in _YORUBA[1] if first[-2:] != second[:2]],
    "nigerian",
)

GHANAIAN = ranked(
    split(
        "Mensah, Owusu, Boateng, Asante, Osei, Agyeman, Appiah, Darko, Amoah, Ofori, Adjei,"
        " Addo, Acheampong, Ansah, Antwi, Asamoah, Badu, Bonsu, Danso, Frimpong, Gyamfi,"
        " Kyei, Kusi, Nkansah, Nyarko, Obeng, Ofosu, Opoku, Oppong, Quaye, Sarpong, Tetteh,"
        " Yeboah, Amankwah, Annan, Arthur, Baah, Boakye, Donkor, Kwarteng, Larbi, Manu,"
        " Ntim, Okyere, Osei-Bonsu, Owusu-Ansah, Quartey, Quarshie, Sackey, Tawiah, Wiredu,"
        " Agyei, Amponsah, Anane, Asiedu, Boadu, Dankwa, Fosu, Kumi, Marfo, Nketia, Oduro,"
        " Poku, Sarfo, Twumasi, Amoako, Adomako, Agyapong, Akoto, Asare, Bediako, Boahen,"
        " Duah, Aidoo, Essien, Quansah, Lamptey, Nortey, Ocran, Tagoe, Armah, Bekoe"
    ),
    (),
    "ghanaian",
)

# Somali surnames are fathers' and grandfathers' first names.
SOMALI = ranked(
    split(
        "Mohamed, Ali, Hassan, Abdi, Ahmed, Farah, Warsame, Jama, Osman, Ismail, Nur,"
        " Aden, Duale, Hussein, Omar, Yusuf, Abdullahi, Ibrahim, Abdirahman, Mohamud, Elmi,"
        " Egal, Hirsi, Haji, Guled, Dahir, Said, Isse, Musse, Gedi, Hashi, Mahamoud,"
        " Abdulle, Awale, Bile, Barre, Samatar, Shire, Noor, Adan, Roble, Sheikh, Jibril,"
        " Hersi, Keynan, Qasim, Salah, Wardhere, Yasin, Abdillahi, Afrah, Ainanshe, Arab,"
        " Askar, Bashir, Diriye, Fiqi, Gaas, Gure, Handule, Ilmi, Jimale, Kahin, Liban,"
        " Madar, Mire, Muse, Nuur, Odowa, Qalib, Rage, Sabriye, Tahlil, Ugas, Waberi"
    ),
    (),
    "somali",
)

# -- European --------------------------------------------------------------------

_POLISH_GIVEN_ROOTS = split(
    "Adam, Andrzej, Bart, Filip, Jan, Jakub, Maciej, Marcin, Michal, Piotr, Stas, Wojt,"
    " Wawrzyn, Sob, Tom, Grzegor, Szym, Domin, Matus, Stefan, Marek, Fran, Kazimier"
)
# How Polish surnames grow from roots: the male form, then the female form.
_POLISH_ENDINGS = (
    ("czak", "czak"),
    ("czyk", "czyk"),
    ("iak", "iak"),
    ("owski", "owska"),
    ("owicz", "owicz"),
    ("ek", "ek"),
)
# Trades: Bednarczyk, Bednarek, Bednarski are all families of coopers.
_POLISH_TRADES = split("Bednar, Młynar, Kaczmar, Kuchar, Kowal, Piekar, Stolar, Kołodziej")
# Places behind -owski (Dąbrowski: of Dąbrowa) and -iński (Lipiński: of Lipno).
_POLISH_OWSKI = split(
    "Dąbr, Grab, Sosn, Olsz, Jank, Kalin, Malin, Kwiatk, Ostr, Sad, Mak, Sokoł, Bork,"
    " Kozł, Lewand, Rutk, Pietr, Krzyżan, Lip, Wierzb, Brzez, Jabłon, Wiśni, Czarn, Baran,"
    " Chmiel, Stan, Zaw, Wit, Kras, Les, Mik, Rak, Sikor, Szcz, Wąs, Żur, Trzask"
)
_POLISH_INSKI = split(
    "Brzez, Lip, Jas, Ziel, Kam, Mal, Kal, Czerw, Krup, Dobrz, Wil, Sosn, Pol, Karp, Rad,"
    " Kacz, Marc, Mar, Gol, Bur"
)
POLISH = ranked(
    split(
        "Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kowalczyk,"
        " Kamiński/Kamińska, Lewandowski/Lewandowska, Zieliński/Zielińska,"
        " Szymański/Szymańska, Woźniak, Dąbrowski/Dąbrowska, Kozłowski/Kozłowska,"
        " Jankowski/Jankowska, Mazur, Kwiatkowski/Kwiatkowska, Wojciechowski/Wojciechowska,"
        " Krawczyk, Kaczmarek, Piotrowski/Piotrowska, Grabowski/Grabowska, Zając,"
        " Pawłowski/Pawłowska, Michalski/Michalska, Król, Wieczorek, Jabłoński/Jabłońska,"
        " Wróbel, Nowakowski/Nowakowska, Majewski/Majewska, Olszewski/Olszewska,"
        " Stępień, Malinowski/Malinowska, Jaworski/Jaworska, Adamczyk, Dudek, Nowicki/Nowicka,"
        " Pawlak, Górski/Górska, Witkowski/Witkowska, Walczak, Sikora, Baran, Rutkowski/"
        "Rutkowska, Michalak, Szewczyk, Ostrowski/Ostrowska, Tomaszewski/Tomaszewska, Pietrzak,"
        " Zalewski/Zalewska, Wróblewski/Wróblewska, Jasiński/Jasińska, Marciniak,"
        " Sadowski/Sadowska, Bąk, Zawadzki/Zawadzka, Jakubowski/Jakubowska, Duda,"
        " Włodarczyk, Chmielewski/Chmielewska, Borkowski/Borkowska, Sokołowski/Sokołowska,"
        " Szczepański/Szczepańska, Sawicki/Sawicka, Kucharski/Kucharska, Lis,"
        " Maciejewski/Maciejewska, Kubiak, Kalinowski/Kalinowska, Wysocki/Wysocka, Mazurek,"
        " Kołodziej, Kaźmierczak, Czarnecki/Czarnecka, Sobczak, Konieczny/Konieczna,"
        " Urbański/Urbańska, Głowacki/Głowacka, Wilk, Krupa, Adamski/Adamska, Kaczmarczyk,"
        " Przybylski/Przybylska, Laskowski/Laskowska, Szulc, Makowski/Makowska, Gajewski/"
        "Gajewska, Kozieł, Brzeziński/Brzezińska, Ziółkowski/Ziółkowska, Banaś, Błaszczyk"
    ),
    [
        *(
            f"{root}{male}/{root}{female}"
            for root in _POLISH_GIVEN_ROOTS
            for male, female in _POLISH_ENDINGS
        ),
        *(f"{root}owski/{root}owska" for root in _POLISH_OWSKI),
        *(f"{root}iński/{root}ińska" for root in _POLISH_INSKI),
        *(f"{root}czyk" for root in _POLISH_TRADES),
        *(f"{root}ek" for root in _POLISH_TRADES),
        *(f"{root}ski/{root}ska" for root in _POLISH_TRADES),
    ],
    "polish",
)

_LITHUANIAN_ROOTS = split(
    "Kazl, Jank, Petr, Vasili, Žuk, Paul, Kavali, Raman, Baran, Sakal, Mikal, Sabali,"
    " Dambr, Jon, Simon, Adom, Tamoš, Kaspar, Mark, Jurg, Andr, Stan, Vait, Butk,"
    " Rimk, Norv, Grig, Bern, Balt, Dov, Žilin, Lukoš, Motiej, Kvedar"
)
LITHUANIAN = ranked(
    split(
        "Kazlauskas/Kazlauskienė, Jankauskas/Jankauskienė, Petrauskas/Petrauskienė,"
        " Stankevičius/Stankevičienė, Vasiliauskas/Vasiliauskienė, Žukauskas/Žukauskienė,"
        " Butkus/Butkienė, Paulauskas/Paulauskienė, Urbonas/Urbonienė,"
        " Kavaliauskas/Kavaliauskienė, Ramanauskas/Ramanauskienė, Savickas/Savickienė,"
        " Baranauskas/Baranauskienė, Rimkus/Rimkienė, Sakalauskas/Sakalauskienė,"
        " Navickas/Navickienė, Pocius/Pocienė, Adomaitis/Adomaitienė, Vaitkus/Vaitkienė,"
        " Mockus/Mockienė, Kairys/Kairienė, Jonaitis/Jonaitienė, Norkus/Norkienė,"
        " Šimkus/Šimkienė, Balčiūnas/Balčiūnienė, Juška/Juškienė, Petraitis/Petraitienė"
    ),
    [
        *(f"{root}auskas/{root}auskienė" for root in _LITHUANIAN_ROOTS),
        *(f"{root}aitis/{root}aitienė" for root in _LITHUANIAN_ROOTS[::2]),
        *(f"{root}evičius/{root}evičienė" for root in _LITHUANIAN_ROOTS[1::2]),
        *(f"{root}ūnas/{root}ūnienė" for root in _LITHUANIAN_ROOTS[::3]),
    ],
    "lithuanian",
)

_ROMANIAN_ROOTS = split(
    "Ion, Pop, Constantin, Georg, Dumitr, Stăn, Marin, Radul, Vasil, Mihăil, Petr,"
    " Flor, Grigor, Lazăr, Manol, Barbul, Tom, Andre, Nicol, Costin, Dinul,"
    " Iordăch, Matei, Neagul, Simion, Stoian, Teodor, Tudor, Zamfir, Anghel, Bratul,"
    " Dragom, Enăch, Gavril, Iacob, Lupul, Mirc, Nedel, Paval, Rădoi, Sandul, Șerb,"
    " Stanciul, Voic, Vlăd, Ursul, Cozm, Damian, Dobr"
)
_ROMANIAN_PLACES = split(
    "Munt, Moldov, Olt, Ardel, Bucur, Dobrog, Prahov, Argeș, Vâlc, Mureș, Sibi,"
    " Câmp, Dunăr, Luc, Bârl, Codr, Crișan, Hațeg, Brăil, Buzoi, Dâmbov, Gorj, Ialomiț,"
    " Mehedinț, Olten, Someș, Suceav, Teleorm, Vrânc, Zărn, Făgăraș, Bistriț"
)
ROMANIAN = ranked(
    split(
        "Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu, Munteanu,"
        " Ionescu, Constantin, Popescu, Mihai, Florea, Marin, Tudor, Dinu, Moldovan, Sandu,"
        " Barbu, Lazăr, Cristea, Ene, Ilie, Nistor, Toma, Dobre, Preda, Oprea, Neagu, Lupu,"
        " Badea, Ursu, Voicu, Dragomir, Mocanu, Iordache, Vlad, Nedelcu, Anghel, Niță,"
        " Coman, Manea, Bucur, Roșu, Bălan, Surdu, Tănase, Croitoru, Pavel, Dima, Diaconu,"
        " Chiriac, Grigore, Stanciu, Enache, Nica, Sârbu, Zamfir, Costache, Petrescu,"
        " Vasilescu, Filip, Lungu, Dumitrescu, Mircea, Cojocaru, Moraru, Rotaru, Ursache,"
        " Pintea, Olaru, Cozma, Ardelean, Bogdan, Cazacu, Ciocan, Crăciun, Marinescu, Andrei,"
        " Bratu, Popovici, Sima, Ștefan, Niculescu, Savu, Mihăilă, Gavrilă, Țurcanu,"
        " Constantinescu, Vasile, Ioniță, Ababei, Apostol, Avram, Boboc, Buzatu, Căpraru,"
        " Dascălu, Dobrin, Fodor, Ghiță, Hagi, Iancu, Ispas, Jitaru, Lăcătuș, Mitrea, Moga,"
        " Murariu, Negru, Onu, Păun, Pîrvu, Rădulescu, Sava, Sârbu, Tomescu, Trif, Vlase,"
        " Tudorache, Dumitrache, Petrache, Manolache, Mihalache, Zamfirache, Stamate"
    ),
    [
        *(f"{root}escu" for root in _ROMANIAN_ROOTS),
        *(f"{root}eanu" for root in _ROMANIAN_PLACES),
    ],
    "romanian",
)

PORTUGUESE = ranked(
    split(
        "Silva, Santos, Ferreira, Pereira, Costa, Rodrigues, Gonçalves, Fernandes, Martins,"
        " Oliveira, Sousa, Lopes, Marques, Gomes, Almeida, Ribeiro, Pinto, Carvalho, Teixeira,"
        " Moreira, Correia, Mendes, Nunes, Soares, Vieira, Monteiro, Cardoso, Rocha, Neves,"
        " Coelho, Cruz, Cunha, Pires, Ramos, Reis, Simões, Antunes, Matos, Fonseca, Morais,"
        " Lima, Machado, Araújo, Barbosa, Tavares, Freitas, Castro, Brito, Sá, Faria, Guerreiro,"
        " Baptista, Louro, Macedo, Magalhães, Medeiros, Mota, Paiva, Quintas, Valente, Amaral,"
        " da Silva, dos Santos, de Sousa, da Costa, de Freitas, do Rosário"
    ),
    (),
    "portuguese",
)

CHINESE = ranked(
    split(
        "Wong, Chan, Li, Cheung, Lau, Ng, Leung, Zhang, Wang, Chen, Liu, Yang, Huang, Lam,"
        " Lee, Ho, Tang, Yip, Chow, Chu, Kwok, Lo, Fung, Ma, Mak, Tsang, Tse, Yeung, Yu,"
        " Zhao, Zhou, Wu, Xu, Sun, Zhu, Hu, Guo, He, Lin, Luo, Gao, Zheng, Liang, Xie, Song,"
        " Tan, Deng, Feng, Cao, Peng, Zeng, Xiao, Tian, Dong, Pan, Yuan, Cai, Jiang, Du, Ye,"
        " Cheng, Wei, Su, Lu, Ding, Ren, Shen, Yao, Cui, Zhong, Fan, Wan, Shi, Qian, Qin,"
        " Kong, Hui, Siu, Poon, Choi, Tam, Man, Mok, Kwan, Au, Yung, Tong, Choy, Leong, Lai,"
        " Chung, Fong, Hung, Kan, Kwong, Lui, Ngai, Pang, Shum, Sze, To, Tsui, Wai, Wan, Yim"
    ),
    (),
    "chinese",
)

ARAB_KURDISH = ranked(
    split(
        "Al-Hassan, Abdullah, Mahmoud, Rahimi, Ahmadi, Karimi, El-Sayed, Saleh, Hamad,"
        " Ahmed, Ali, Hassan, Hussein, Ibrahim, Mohammed, Omar, Khalil, Mustafa, Salih,"
        " Aziz, Rashid, Kareem, Jaber, Nasser, Haddad, Khoury, Mansour, Yousef, Al-Amin,"
        " Al-Jaberi, Al-Khatib, Al-Najjar, Al-Rawi, Al-Saadi, Al-Tamimi, Al-Zubaidi, Darwish,"
        " El-Amin, Fakhoury, Hamdan, Issa, Jawad, Kassem, Latif, Mahdi, Nouri, Qasim, Sabri,"
        " Sharif, Taha, Zaki, Abbas, Barzani, Bakr, Faraj, Hama, Hamid, Jalal, Kaka, Karim,"
        " Majid, Mirza, Muhammad, Rasul, Rostami, Sabir, Salar, Shwan, Zangana, Yilmaz,"
        " Kaya, Demir, Şahin, Çelik, Aydın, Öztürk, Arslan, Doğan, Kılıç, Aslan, Polat"
    ),
    (),
    "arab_kurdish",
)
