"""First names of the majority community, by the decade people were born in.

A Margaret or a Keith is almost always over seventy, a Tracey or a Darren
in their fifties, an Isla or an Arlo under ten. Each decade lists its names
most common first (after the birth registrations of England and Wales,
rounded and from memory, not copied), then the rarer names of its era, so
that a decade's pool is a few common names and a long tail. Older decades
are concentrated (a few names covered most boys born in the 1950s), recent
ones spread thin (the hundred commonest cover about half of today's babies).
"""

from __future__ import annotations

from data_access.demo.surnames import split

# -- the rarer names of each era, appended to its decades ------------------------

_OLD_GIRLS_TAIL = split(
    "Ada, Agatha, Amelia, Annie, Beatrice, Bertha, Blanche, Cecilia, Clarice, Cora, Daisy,"
    " Dinah, Dulcie, Eleanor, Elspeth, Emma, Enid, Estelle, Ethel, Eunice, Eva, Fay,"
    " Fiona, Flora, Geraldine, Gertrude, Glenda, Gloria, Greta, Gwyneth, Harriet, Hester,"
    " Honor, Ina, Isabel, Isobel, Jessie, Julia, Leonora, Lorna, Louisa, Lydia, Madge,"
    " Marcia, Margery, Marian, Matilda, Maude, Millicent, Miriam, Moira, Myra, Myrtle,"
    " Nancy, Nina, Noreen, Olga, Patience, Pearl, Penelope, Petula, Philippa, Phoebe,"
    " Priscilla, Prudence, Rhoda, Roberta, Rosalind, Rosamund, Sadie, Selina, Sheena,"
    " Susannah, Sybil, Tessa, Ursula, Veronica, Vivien, Wilma, Zena, Bessie, Cissie,"
    " Dora, Elsie, Esther, Ida, Lena, Lilian, Lillian, Mabel, Martha, Maud, May, Minnie,"
    " Nellie, Queenie, Sarah, Ellen, Winnie, Hetty, Polly, Gwendolyn, Averil, Avril,"
    " Brenda, Rowena, Thora, Una, Norah, Greta, Freda, Joy, Wyn, Marlene, Ruth,"
    " Mary Ann, Mary Jane, Anne Marie, Elizabeth Ann"
)
_OLD_BOYS_TAIL = split(
    "Abraham, Ainsley, Alastair, Ambrose, Archibald, Archie, Arnold, Aubrey, Austin, Bruce,"
    " Cameron, Cedric, Claude, Clement, Conrad, Cuthbert, Dudley, Duncan, Edmund, Elliott,"
    " Emlyn, Ernie, Eustace, Evan, Felix, Fergus, Garry, Gilbert, Godfrey, Gregory, Guy,"
    " Hamish, Harvey, Hector, Humphrey, Ivan, Jasper, Jerome, Jethro, Lance, Laurence,"
    " Lionel, Lyndon, Marcus, Marshall, Melvin, Mervyn, Miles, Montague, Murray, Myles,"
    " Nathaniel, Oliver, Oscar, Osmond, Quentin, Randolph, Reuben, Rhys, Rowland, Rufus,"
    " Rupert, Seymour, Silas, Simeon, Stewart, Sylvester, Theodore, Tobias, Walter,"
    " Warwick, Wilbur, Winston, Wyn, Bertie, Alf, Archer, Clarence, Dai, Elwyn, Emrys,"
    " Enoch, Ewan, Fergal, Gwyn, Hywel, Idris, Ifor, Ivor, Jock, Lewis, Lloyd, Morris,"
    " Nigel, Percival, Rex, Royston, Tom, Vernon, Wilf, Wilfrid, Willie, Baden, Basil,"
    " Bertram, Dougal, Edgar, Ellis, Eli, Hedley, Horace, Hubert, Irving, Kingsley,"
    " John Paul, Michael John"
)
_MID_GIRLS_TAIL = split(
    "Adele, Alana, Alexis, Alicia, Amie, Anya, April, Ashley, Bianca, Billie, Bryony,"
    " Candice, Cara, Carla, Cassie, Celia, Chantal, Charis, Chelsey, Cherelle, Cheyenne,"
    " Corinne, Davina, Dionne, Elisha, Eloise, Esther, Fay, Georgie, Gina, Heidi, Jacqui,"
    " Jamie-Lee, Janine, Jasmin, Jayde, Jemima, Jolene, Joy, Kara, Karly, Katrina, Kayley,"
    " Kaylie, Keely, Kerri, Kerrie-Ann, Kristy, Lacey, Larissa, Leigh, Leigh-Anne, Lianne,"
    " Liberty, Lindsay, Lois, Lucinda, Lyndsay, Marcia, Maxine, Melody, Meredith, Miranda,"
    " Nadine, Natasha, Nina, Petra, Portia, Rachelle, Rebekah, Roxanne, Samara, Serena,"
    " Shani, Sharna, Sherelle, Simone, Stacie, Stefanie, Tamara, Tamsin, Tania, Tanisha,"
    " Terri, Tiffany, Tori, Trudy, Verity, Vicki, Whitney, Yasmine, Zena, Abi, Alisha,"
    " Alyssa, Annabel, Antonia, Becky, Belinda, Bernadette, Bridget, Carrie, Cassandra,"
    " Charlene, Chloé, Cleo, Colette, Danni, Debbie, Dominique, Eve, Faith, Frances,"
    " Francesca, Gabrielle, Gail, Grace, Hollie-Anne, Imogen, Ingrid, Isla, Jackie,"
    " Jacquelyn, Jade-Louise, Jodi, Jolie, Josie, Justine, Kate, Keira, Kelsey, Kira,"
    " Kirsten, Kym, Lara, Lauren-Jade, Leah, Lesley, Lily, Lorna, Louisa, Lucie, Lynsey,"
    " Maddie, Maisie, Marianne, Martina, Melissa, Michaela, Mollie, Monique, Nia, Nikita,"
    " Olivia, Pamela, Paris, Penny, Philippa, Rhiannon, Rochelle, Rosanna, Rosie, Sabrina,"
    " Sacha, Sally-Anne, Sarah-Jane, Shauna, Sheree, Sinead, Sonya, Sophia, Sorcha, Stella,"
    " Suzie, Tammy, Tegan, Tess, Tia, Tiana, Trisha, Wendy, Yvette, Zara, Zoë, Chloë,"
    " Anne-Marie, Lisa-Marie, Emma-Louise, Kelly-Ann"
)
_MID_BOYS_TAIL = split(
    "Ainsley, Alistair, Ashton, Barnaby, Blake, Brad, Brett, Bruce, Byron, Carlton, Casey,"
    " Chad, Clayton, Cole, Conor, Dane, Darius, Darrell, Denny, Devon, Dion, Drew, Dwayne,"
    " Ewan, Fraser, Frazer, Garry, Gerard, Glenn, Gregor, Guy, Harley, Hugh, Jaimie,"
    " Jarrod, Jarvis, Jed, Jody, Joel, Jonah, Jude, Kane, Keiran, Kenny, Kerr, Kirk,"
    " Kristian, Lance, Laurence, Lenny, Lyle, Macauley, Marco, Mario, Martyn, Nathaniel,"
    " Neal, Nicky, Niall, Nick, Noel, Reiss, Richie, Robbie, Rowan, Ruari, Rupert,"
    " Sebastian, Stefan, Sonny, Stevie, Terence, Theo, Tobias, Todd, Tristan, Troy,"
    " Tyrone, Vaughan, Vince, Zac, Aiden, Alfie, Angus, Archie, Arran, Ashley-John, Barney,"
    " Billy-Joe, Bobby, Bradley, Brendan, Calum, Carlos, Ciaran, Clint, Cody, Connor,"
    " Corey, Curtis, Damon, Danny, Darryl, Declan, Derek, Duane, Eddie, Elliott, Ellis,"
    " Emmanuel, Ethan, Euan, Fabian, Felix, Finlay, Gabriel, Gavin, Gordon, Grant, Greg,"
    " Hamish, Harry, Harvey, Hayden, Henry, Howard, Isaac, Ivan, Jacob, Jay, Jerome,"
    " Jimmy, Joe, Johnny, Jon-Paul, Jordan, Josh, Kai, Keith, Kelvin, Kurt, Lachlan,"
    " Lawrence, Leighton, Lenny, Lewis, Lloyd, Louis, Luca, Lucas, Malachy, Marcus, Max,"
    " Miles, Morgan, Myles, Nathan, Neville, Ollie, Oscar, Owen, Perry, Quentin, Ralph,"
    " Ray, Rees, Reuben, Rhys, Rio, Roman, Ronan, Rory, Russ, Sam, Saul, Seth, Shay,"
    " Sidney, Simeon, Solomon, Stanley, Sylvester, Tai, Taylor, Ted, Terry, Tim, Tom,"
    " Tommy, Trent, Ty, Wesley, Will, Xavier, Zachary, Zak, John-Paul, Lee-Anthony"
)
_NEW_GIRLS_TAIL = split(
    "Addison, Adeline, Alba, Alexa, Alia, Alina, Amara, Amaya, Amelie, Anais, Annie,"
    " Arabella, Ariana, Ariella, Autumn, Ayla, Beau, Belle, Blossom, Brooke, Bryony,"
    " Callie, Cara, Carys, Cassidy, Cecily, Celeste, Charlie, Cleo, Cora, Dakota,"
    " Demi-Leigh, Eden, Edie, Effie, Elena, Eliana, Elisa, Ellie-Rose, Elora, Ember,"
    " Emmeline, Etta, Everly, Evie-Mae, Faith, Fearne, Frankie, Freya-Rose, Gabriella,"
    " Genevieve, Gracie-Mae, Harlow, Hazel, Hermione, Honey, India, Indigo, Isabel,"
    " Isobel, Ivy-Rose, Jemima, Josie, Julia, Kacey, Kaitlyn, Kali, Kara, Kayleigh,"
    " Keeley, Kenzie, Kitty, Lana, Laila, Lacie, Leila, Lena, Libby, Lilah, Lilia,"
    " Lillie, Lilly-Mae, Lola-Rose, Lorelei, Lucia, Macie, Mackenzie, Madeleine, Mae,"
    " Maggie, Maia, Marnie, Mary, Maria, Marley, Melody, Meadow, Minnie, Mirabelle,"
    " Molly-Mae, Nadia, Naomi, Nell, Nia, Nova, Paisley, Peyton, Piper, Pippa, Remi,"
    " Rhea, Riley, Rosalie, Rosie-Mae, Rowan, Sapphire, Sasha, Savannah, Serena, Sky,"
    " Stella, Tallulah, Tamsin, Talia, Valentina, Vienna, Winter, Wren, Zoe, Zoë,"
    " Abbie-Rose, Aleesha, Alyssa, Amani, Amelia-Rose, Amie-Leigh, Aoife, Aria-Rose, Ariel,"
    " Aurelia, Bethan, Betsy, Billie-Jo, Bonnie-Mae, Brooklyn, Caitlyn, Cerys, Chanel,"
    " Clara, Darcy, Daisy-May, Destiny, Dixie, Eden-Rose, Elise, Elle, Ellie-Jo, Elsa,"
    " Emelia, Emmie, Erin-Leigh, Esmée, Estella, Evangeline, Evie-Rose, Fleur, Georgie,"
    " Gianna, Hallie-Mae, Halle, Harley, Harmony, Hattie, Holly-Mae, Imani, Isabella-Rose,"
    " Isla-Rose, Jaime, Jayda, Jazmin, Jorja, Kaci, Kadie, Kaya, Keeva, Kiki, Lacey-Mai,"
    " Layla-Rose, Leona, Lexie, Lilly-Rose, Liliana, Lily-Ann, Lois, Lyla-Rose, Maddie,"
    " Mai, Maisy, Mariah, Marissa, Maryanne, Matilda-Rose, Mercedes, Mya, Neve, Nevaeh,"
    " Nicola, Olive-May, Ophelia, Orla-Rose, Paige-Louise, Perrie, Poppy-Mae, Primrose,"
    " Raya, Reeva, Roxie, Ruby-Leigh, Saffron, Scarlet, Sienna-Rose, Skylar, Sonny-Mae,"
    " Summer-Rose, Tabitha, Tayla, Tiana, Tilly-Mae, Trinity, Violet-Rose, Willow-Mae,"
    " Xanthe, Yasmin, Zuri"
)
_NEW_BOYS_TAIL = split(
    "Abel, Ace, Aiden, Alby, Amos, Angus, Ari, Asher, Atticus, Axel, Barney, Beau,"
    " Bertie, Billy, Blaine, Bodhi, Brandon, Brodie, Caiden, Calvin, Cassius, Cian,"
    " Clayton, Cole, Cooper, Corey, Dante, Darcy, Dawson, Denver, Dominic, Eddie, Eden,"
    " Edison, Elias, Elliott, Emmett, Enzo, Ernest, Ewan, Ezekiel, Fabian, Finnley,"
    " Fletcher, Flynn, Forrest, Gene, Gideon, Hamish, Hank, Harris, Hayden, Heath,"
    " Huxley, Idris, Ivor, Jace, Jackson, Jago, Jarvis, Jax, Jay, Jensen, Joey, Jonah,"
    " Jonny, Kaden, Kaiden, Keaton, Kenzie, Kit, Kobe, Kyson, Lachlan, Lawson, Leighton,"
    " Lennie, Lennon, Levi, Lewis, Lincoln, Lochlan, Lorcan, Lucca, Mack, Maddox, Magnus,"
    " Marcel, Marley, Marshall, Mateo, Maxwell, Monty, Morgan, Nate, Nelson, Nico, Noel,"
    " Oakley, Orion, Ozzy, Percy, Peter, Phoenix, Quinn, Raphael, Ray, Reggie, Rocco,"
    " Rocky, Ronan, Rowan, Rufus, Ryder, Seth, Sidney, Solomon, Spencer, Sullivan,"
    " Sylvester, Tate, Teo, Thiago, Tristan, Trey, Vincent, Wilbur, Wilf, Woody, Wyatt,"
    " Xander, Zane, Aaron, Alfie-James, Alfie-Jay, Arthur-James, Bailey-James, Benji,"
    " Billy-Ray, Bobby-Lee, Brody, Buddy, Caleb, Cayden, Charlie-Ray, Chester, Cody,"
    " Conor, Dexter, Dougie, Eli, Elijah, Ellis, Elliot-James, Ernie, Fraser, Freddie-Lee,"
    " Frankie-James, George-William, Grayson, Harley-James, Harry-James, Harvey-Lee,"
    " Hudson, Hunter, Ibrahim, Jaden, Jaiden, Jake, Jamie-Lee, Jasper, Jenson-Lee,"
    " Jesse, Jimmy, Joel, Jude, Kacey, Kayden, Kian, Kieran, Kyle, Lenny, Leon, Lucas-James,"
    " Luka, Malachi, Mason-Lee, Micah, Miles, Milo, Mitchell, Myles, Nathaniel, Niall,"
    " Noah-James, Ollie, Oliver-James, Otto, Parker, Preston, Rafe, Reece, Reuben, Rhys,"
    " Ricky, Rio, Riley-James, Robin, Roman, Ronnie-Lee, Rory, Ruben, Sam, Samson,"
    " Sebastian, Sol, Sonny, Stanley, Stevie, Taylor, Teddy-Ray, Theo-James, Tobias,"
    " Tommy-Lee, Travis, Tyler-James, Vinnie, Wesley, Will, Zach, Zack, Zak, Zachariah"
)

# -- decades: (last year of birth, girls most common first, boys, Zipf exponent) ---

_BEFORE_1950 = (
    split(
        "Margaret, Joan, Mary, Jean, Dorothy, Patricia, Sheila, Barbara, Doreen, Joyce,"
        " Kathleen, Irene, Betty, Eileen, Brenda, Pamela, Sylvia, Audrey, Maureen,"
        " Elizabeth, June, Marjorie, Valerie, Ann, Shirley, Doris, Edna, Vera, Hilda, Elsie,"
        " Winifred, Muriel, Gladys, Phyllis, Iris, Olive, Marion, Rita, Beryl, Jennifer,"
        " Evelyn, Ethel, Lilian, Mavis, Pauline, Christine, Janet, Sandra, Gwendoline,"
        " Constance, Rose, Alice, Florence, Nora, Peggy, Freda, Edith, Annie, Molly, Grace,"
        " Jessie, Lily, Agnes, Nellie, Mabel, Violet, Daphne, Gillian, Josephine, Rosemary,"
        " Anne, Norma, Carol, Mildred, Gertrude, Ivy, Ada, Emily, Hazel, Stella, Ruby,"
        " Thelma, Enid, Hannah, Frances, Jane, Teresa, Bridget, Catherine, Vivienne,"
        " Yvonne, Ellen, Martha, Sarah, Clara, Amy, Lucy, Esther, Pearl, May, Maud, Ida,"
        " Dora, Judith, Wendy, Elaine, Heather, Jacqueline, Susan, Linda, Patricia Ann"
    ),
    split(
        "John, William, Peter, Ronald, Kenneth, Robert, Dennis, Derek, Brian, Michael, David,"
        " Alan, Roy, Raymond, Geoffrey, Donald, Anthony, Eric, Norman, Frank, George, James,"
        " Thomas, Arthur, Harold, Leslie, Albert, Gordon, Stanley, Ernest, Frederick,"
        " Douglas, Edward, Walter, Charles, Jack, Harry, Sidney, Cyril, Reginald, Bernard,"
        " Keith, Terence, Colin, Barry, Malcolm, Trevor, Roger, Graham, Alfred, Herbert,"
        " Percy, Wilfred, Ralph, Leonard, Stephen, Richard, Joseph, Clifford, Maurice,"
        " Gerald, Victor, Henry, Lawrence, Clive, Philip, Patrick, Allan, Ian, Desmond,"
        " Cecil, Horace, Sydney, Francis, Samuel, Hugh, Fred, Alec, Arnold, Basil, Benjamin,"
        " Edwin, Gilbert, Glyn, Howard, Hubert, Ivor, Jeffrey, Lewis, Martin, Neville, Noel,"
        " Oswald, Owen, Rex, Robin, Rodney, Rowland, Royston, Stuart, Vernon, Vincent,"
        " Wallace, Christopher, Alexander, Andrew, Gerard, Jim, Ted, Tony, Bill"
    ),
    1.0,
)
_1950S = (
    split(
        "Susan, Linda, Christine, Margaret, Janet, Patricia, Carol, Elizabeth, Mary, Anne,"
        " Ann, Jane, Jacqueline, Barbara, Valerie, Pauline, Sandra, Gillian, Kathleen,"
        " Angela, Lesley, Maureen, Elaine, Brenda, Marilyn, Wendy, Lynne, Judith, Helen,"
        " Diane, Jennifer, Karen, Hazel, Sheila, Jean, Teresa, Catherine, Yvonne, Joan,"
        " Denise, Julie, Heather, Carole, Josephine, Rosemary, Marion, Frances, Beverley,"
        " Sally, Sylvia, Joyce, Irene, Shirley, Lorraine, Deborah, Dawn, Jill, Bernadette,"
        " Alison, Kim, Hilary, Joy, Lynda, Glenys, Janice, Jeanette, Sharon, Dianne, Gail,"
        " Geraldine, Philippa, Ruth, Rita, Vivienne, Maxine, Lynn, Andrea, Annette,"
        " Penelope, Veronica, Theresa, Caroline, Sarah, Anita, Tina, Doreen, Pamela,"
        " Dorothy, Eileen, June, Audrey, Marian, Sonia, Kay, Gloria, Marlene, Jayne,"
        " Lesley Ann, Janet Mary"
    ),
    split(
        "David, John, Michael, Peter, Robert, Stephen, Paul, Alan, Christopher, Richard,"
        " Anthony, Brian, Keith, Graham, Ian, Kevin, Terence, Barry, Colin, William, Philip,"
        " Roger, Malcolm, Trevor, Martin, Kenneth, Andrew, Geoffrey, Raymond, Derek, Dennis,"
        " Gary, Nigel, James, Clive, Thomas, Steven, Patrick, Neil, Gordon, Roy, Leslie,"
        " Edward, Norman, Ronald, Timothy, Jeffrey, Lawrence, Melvyn, Frank, Gerald, George,"
        " Howard, Robin, Douglas, Jonathan, Mark, Victor, Francis, Charles, Joseph, Allan,"
        " Alexander, Russell, Stuart, Vincent, Adrian, Glyn, Gareth, Jeremy, Simon,"
        " Nicholas, Rodney, Alistair, Duncan, Hugh, Julian, Leonard, Lionel, Maurice,"
        " Neville, Noel, Phillip, Ralph, Ray, Sidney, Tony, Carl, Dean, Lee, Les, Mick"
    ),
    1.0,
)
_1960S = (
    split(
        "Susan, Julie, Karen, Jacqueline, Deborah, Tracey, Jane, Helen, Diane, Sharon,"
        " Alison, Elizabeth, Amanda, Sarah, Nicola, Joanne, Lisa, Dawn, Beverley, Sandra,"
        " Catherine, Linda, Wendy, Gillian, Angela, Janet, Carol, Lorraine, Michelle, Paula,"
        " Jennifer, Denise, Sally, Anne, Lesley, Teresa, Andrea, Kim, Joanna, Caroline,"
        " Mandy, Samantha, Tina, Debra, Tracy, Donna, Louise, Claire, Jayne, Jill, Anita,"
        " Christine, Elaine, Fiona, Heather, Julia, Kathryn, Kathleen, Kay, Lynn, Lynne,"
        " Margaret, Maria, Marie, Melanie, Pamela, Patricia, Rachel, Rebecca, Ruth,"
        " Sheila, Shirley, Sonia, Suzanne, Valerie, Vanessa, Yvonne, Bernadette, Carolyn,"
        " Clare, Colette, Jackie, Janice, Kerry, Lindsay, Alexandra, Emma, Josephine,"
        " Judith, Ann, Anne-Marie, Gail, Jeanette, Justine, Lucy, Sara, Shelley,"
        " Stephanie, Toni, Victoria, Beverly, Tanya, Mary, Nichola"
    ),
    split(
        "David, Paul, Andrew, Mark, John, Michael, Stephen, Ian, Robert, Richard,"
        " Christopher, Peter, Simon, Anthony, Kevin, Gary, Steven, Martin, James, Philip,"
        " Alan, Neil, Nigel, Timothy, Colin, Graham, Jeffrey, Keith, Darren, Jonathan,"
        " Russell, Dean, Julian, Adrian, Shaun, Wayne, Lee, Carl, Craig, Barry, Trevor,"
        " Kenneth, Brian, Malcolm, Roger, Jason, Matthew, Nicholas, Jeremy, Duncan, Thomas,"
        " William, Stuart, Sean, Gareth, Glenn, Dale, Derek, Edward, Francis, Gordon,"
        " Joseph, Karl, Marcus, Patrick, Raymond, Robin, Roy, Scott, Terence, Tony,"
        " Vincent, Warren, Clive, Dominic, Alistair, Alexander, Benjamin, Charles, Damian,"
        " Daniel, Gavin, Gerard, Grant, Jon, Justin, Kelvin, Leigh, Lloyd, Marc, Phillip,"
        " Ricky, Rodney, Ross, Spencer, Toby, Tim, Steve, Andy, Dave"
    ),
    1.0,
)
_1970S = (
    split(
        "Sarah, Claire, Nicola, Emma, Lisa, Joanne, Michelle, Helen, Samantha, Karen,"
        " Amanda, Rachel, Louise, Julie, Clare, Rebecca, Sharon, Victoria, Caroline, Kelly,"
        " Tracey, Donna, Natalie, Kerry, Katherine, Lindsey, Angela, Elizabeth, Stephanie,"
        " Gemma, Laura, Joanna, Zoe, Hayley, Leanne, Kirsty, Dawn, Deborah, Vicky,"
        " Jennifer, Alison, Jane, Melanie, Suzanne, Anna, Catherine, Carly, Kim, Tanya,"
        " Lynsey, Nichola, Jodie, Sally, Sonia, Tina, Andrea, Anne-Marie, Charlotte,"
        " Cheryl, Danielle, Emily, Fiona, Heidi, Jacqueline, Jemma, Jenny, Justine, Katie,"
        " Katharine, Kathryn, Keeley, Kerrie, Lucy, Maria, Marie, Paula, Rachael, Sara,"
        " Sian, Sophie, Stacey, Toni, Vanessa, Wendy, Amy, Beverley, Carla, Debbie, Denise,"
        " Diane, Jayne, Julia, Kate, Lorna, Lyndsey, Mandy, Nikki, Penny, Sandra, Sasha,"
        " Shona, Tara, Verity, Zoë, Joanne Marie"
    ),
    split(
        "Paul, Mark, David, Andrew, Richard, Christopher, James, Simon, Michael, Matthew,"
        " Stephen, Lee, John, Robert, Darren, Daniel, Steven, Jason, Nicholas, Jonathan,"
        " Ian, Neil, Gary, Martin, Anthony, Craig, Stuart, Carl, Dean, Wayne, Scott, Adam,"
        " Peter, Philip, Shaun, Kevin, Thomas, Benjamin, Jamie, Alan, Gareth, Justin,"
        " Russell, Marc, Damian, Graham, Glen, Barry, Ryan, Alexander, Ashley, Christian,"
        " Colin, Damien, Danny, Dominic, Edward, Gavin, Grant, Jeremy, Joseph, Karl, Keith,"
        " Kris, Leon, Luke, Nathan, Oliver, Patrick, Phillip, Ricky, Robin, Ross, Sean,"
        " Spencer, Timothy, Tony, Warren, William, Adrian, Aaron, Alistair, Brett, Daryl,"
        " Guy, Jon, Kenneth, Kirk, Leigh, Liam, Lloyd, Marcus, Mathew, Mitchell, Nigel,"
        " Samuel, Terry, Toby, Vincent, Chris, Mike"
    ),
    0.95,
)
_1980S = (
    split(
        "Sarah, Laura, Gemma, Emma, Rebecca, Claire, Victoria, Samantha, Rachel, Amy,"
        " Jennifer, Nicola, Katie, Lisa, Kelly, Natalie, Louise, Michelle, Hayley, Stacey,"
        " Danielle, Charlotte, Lauren, Kirsty, Leanne, Jessica, Hannah, Stephanie, Amanda,"
        " Zoe, Jade, Katherine, Catherine, Lucy, Sophie, Kerry, Joanne, Kimberley, Jodie,"
        " Carly, Sian, Holly, Kayleigh, Alexandra, Helen, Vicky, Elizabeth, Chloe, Jenna,"
        " Abigail, Anna, Aimee, Alice, Ashleigh, Bethany, Caroline, Cheryl, Clare, Donna,"
        " Eleanor, Emily, Faye, Georgina, Hollie, Jemma, Joanna, Karen, Kate, Kathryn, Katy,"
        " Kim, Kirsten, Leah, Lindsey, Lyndsey, Megan, Melissa, Naomi, Nikki, Rachael,"
        " Rosie, Sadie, Sara, Sharon, Siobhan, Stacy, Tanya, Toni, Tracey, Vanessa,"
        " Charlene, Chantelle, Daniella, Felicity, Gina, Harriet, Jayne, Keeley, Kerri,"
        " Kirstie, Lynsey, Marie, Melanie, Nichola, Rebekah, Robyn, Sasha, Shelley, Tara,"
        " Tasha, Zara, Zoë, Chloë, Laura-Jane"
    ),
    split(
        "Christopher, Michael, David, James, Daniel, Matthew, Andrew, Richard, Paul, Mark,"
        " Thomas, Adam, Robert, John, Lee, Benjamin, Steven, Jonathan, Craig, Stephen,"
        " Simon, Nicholas, Peter, Anthony, Alexander, Gary, Ian, Ryan, Luke, Jamie, Stuart,"
        " Philip, Darren, William, Gareth, Martin, Kevin, Scott, Dean, Joseph, Jason, Neil,"
        " Samuel, Carl, Ben, Sean, Timothy, Oliver, Ashley, Wayne, Edward, Liam, Kieran,"
        " Aaron, Ross, Dale, Nathan, Karl, Shane, Bradley, Callum, Christian, Danny,"
        " Dominic, Elliot, Gavin, George, Glen, Grant, Jack, Jake, Jordan, Joshua, Kyle,"
        " Leon, Lewis, Marc, Mathew, Mitchell, Owen, Patrick, Phillip, Reece, Rhys, Ricky,"
        " Robbie, Russell, Shaun, Sam, Toby, Tom, Tony, Warren, Adrian, Alan, Alex, Andy,"
        " Barry, Charlie, Connor, Damien, Darryl, Gregory, Harry, Jay, Jon, Justin, Lloyd,"
        " Louis, Max, Rory, Stewart, Terry"
    ),
    0.95,
)
_1990S = (
    split(
        "Rebecca, Lauren, Jessica, Charlotte, Hannah, Sophie, Amy, Emily, Laura, Emma,"
        " Chloe, Sarah, Lucy, Katie, Bethany, Jade, Megan, Danielle, Stephanie, Samantha,"
        " Rachel, Natalie, Georgia, Holly, Abigail, Amber, Shannon, Victoria, Olivia, Ellie,"
        " Jodie, Leah, Kirsty, Eleanor, Alice, Zoe, Jasmine, Courtney, Naomi, Paige,"
        " Kayleigh, Nicole, Hollie, Sian, Molly, Kelly, Alexandra, Gemma, Elizabeth,"
        " Jennifer, Abbie, Chelsea, Melissa, Aimee, Anna, Ashleigh, Bethan, Caitlin,"
        " Catherine, Demi, Ella, Erin, Faye, Freya, Georgina, Grace, Harriet, Heather,"
        " Imogen, India, Jenna, Kate, Katherine, Kathryn, Kimberley, Kerry, Lara, Libby,"
        " Louise, Lydia, Madeleine, Millie, Mollie, Nadia, Niamh, Phoebe, Poppy, Rachael,"
        " Robyn, Rosie, Ruby, Sasha, Sophia, Stacey, Summer, Tara, Toni, Yasmin, Zara,"
        " Gabrielle, Hayley, Kira, Kiera, Lily, Lisa, Mia, Rhiannon, Tia, Tegan, Hope,"
        " Chloë, Zoë, Jade-Louise"
    ),
    split(
        "Thomas, James, Jack, Daniel, Matthew, Ryan, Joshua, Luke, Samuel, Jordan, Adam,"
        " Michael, Alexander, Christopher, Benjamin, Joseph, Liam, Jake, William, Andrew,"
        " George, Lewis, Oliver, David, Robert, Kieran, Callum, Connor, Nathan, Jamie,"
        " Aaron, Ashley, Bradley, Charlie, Sam, Dean, Harry, Reece, Ben, Scott, Alex, Mark,"
        " Tom, Kyle, Craig, Jonathan, Nicholas, Dominic, Cameron, Jacob, Shane, Sean,"
        " Mitchell, Edward, Stephen, Richard, Paul, Ross, Elliot, Curtis, Declan, Dylan,"
        " Ethan, Henry, Jay, Joe, Josh, Karl, Kane, Lee, Leon, Louis, Marcus, Max, Morgan,"
        " Owen, Patrick, Peter, Rhys, Ricky, Rory, Shaun, Simon, Steven, Toby, Tyler, Zak,"
        " Aidan, Billy, Brandon, Bailey, Corey, Conor, Danny, Dale, Elliott, Fraser, Gareth,"
        " Greg, Hayden, Jordon, Kai, Niall, Oscar, Reiss, Robbie, Spencer, Taylor, Travis"
    ),
    0.9,
)
_2000S = (
    split(
        "Chloe, Emily, Megan, Jessica, Sophie, Charlotte, Hannah, Lauren, Olivia, Ellie,"
        " Lucy, Amy, Grace, Katie, Bethany, Molly, Emma, Holly, Abigail, Mia, Ella, Jade,"
        " Amelia, Leah, Georgia, Rebecca, Eleanor, Isabella, Caitlin, Ruby, Elizabeth,"
        " Niamh, Paige, Millie, Evie, Courtney, Shannon, Abbie, Laura, Amber, Isabelle,"
        " Keira, Freya, Erin, Brooke, Sophia, Lily, Madison, Phoebe, Jasmine, Alice, Summer,"
        " Libby, Poppy, Daisy, Tia, Rachel, Aimee, Zoe, Anna, Alisha, Demi, Elise, Eva,"
        " Faith, Gracie, Harriet, Hollie, Imogen, Isobel, Jodie, Kayla, Lacey, Lexi, Lilly,"
        " Maisie, Mollie, Morgan, Nicole, Paris, Rosie, Sarah, Scarlett, Sienna, Skye,"
        " Tegan, Ava, Bella, Caitlyn, Charley, Darcy, Esme, Francesca, Hayley, India,"
        " Jorja, Kacey, Katelyn, Kiera, Lydia, Maya, Naomi, Natasha, Neve, Rhianna, Robyn,"
        " Samantha, Shauna, Sofia, Chloë, Zoë, Ellie-May, Lacey-Mae"
    ),
    split(
        "Jack, Thomas, Joshua, James, Daniel, Samuel, Oliver, William, Benjamin, Joseph,"
        " Harry, Matthew, Lewis, Luke, Ethan, George, Adam, Alfie, Callum, Alexander, Ryan,"
        " Jake, Charlie, Liam, Connor, Cameron, Nathan, Jordan, Kyle, Tyler, Kieran,"
        " Bradley, Reece, Jamie, Dylan, Max, Owen, Aaron, Brandon, Michael, Jacob, Henry,"
        " Louis, Archie, Finley, Leo, Ben, Morgan, Rhys, Harvey, Mason, Billy, Sam, Toby,"
        " Joe, Lucas, Isaac, Riley, Edward, Elliot, Jay, Corey, Christopher, Declan, Aidan,"
        " Alex, Bailey, Caleb, Ellis, Evan, Finlay, Freddie, Hayden, Jayden, Jenson, Josh,"
        " Kai, Kian, Leon, Louie, Oscar, Robert, Ronan, Rory, Sebastian, Spencer, Taylor,"
        " Theo, Tom, Zachary, David, Harrison, Jude, Logan, Luca, Noah, Reuben, Ruben,"
        " Scott, Travis, Zak"
    ),
    0.8,
)
_2010S = (
    split(
        "Olivia, Amelia, Emily, Isla, Ava, Jessica, Isabella, Lily, Ella, Mia, Sophie,"
        " Poppy, Sophia, Grace, Evie, Ruby, Chloe, Freya, Isabelle, Daisy, Charlotte,"
        " Phoebe, Scarlett, Florence, Matilda, Alice, Erin, Millie, Harper, Sienna, Rosie,"
        " Evelyn, Willow, Esme, Holly, Elsie, Ivy, Maisie, Lucy, Layla, Imogen, Lola, Eva,"
        " Ellie, Hannah, Molly, Megan, Katie, Lexi, Eleanor, Darcey, Summer, Bella, Amber,"
        " Thea, Orla, Harriet, Lilly, Maya, Lacey, Aria, Robyn, Emilia, Annabelle, Heidi,"
        " Eliza, Gracie, Ellie-May, Lacey-Mae, Darcie, Ada, Anna, Aurora, Bonnie, Clara,"
        " Edith, Elizabeth, Emma, Esmé, Georgia, Hallie, Hollie, Iris, Jasmine, Lottie,"
        " Luna, Mabel, Mila, Nancy, Niamh, Olive, Penelope, Rose, Sara, Sofia, Violet,"
        " Zara, Zoë, Chloë, Amelie, Beatrice, Connie, Daisy-Mae, Delilah, Elodie, Eloise,"
        " Esmae, Felicity, Fern, Hattie, Hope, Kayla, Lara, Leah, Lyla, Maddison, Margot,"
        " Martha, Mollie, Myla, Nevaeh, Paige, Pippa, Rosa, Sadie, Skye, Tilly"
    ),
    split(
        "Oliver, Harry, George, Jack, Noah, Charlie, Jacob, Alfie, Freddie, Oscar, Leo,"
        " Thomas, Joshua, James, William, Logan, Archie, Henry, Ethan, Max, Lucas, Isaac,"
        " Theo, Mason, Riley, Harrison, Jake, Dylan, Samuel, Daniel, Joseph, Edward,"
        " Alexander, Finley, Tommy, Sebastian, Arthur, Teddy, Reggie, Toby, Luca, Jenson,"
        " Harley, Frankie, Ronnie, Louie, Tyler, Zachary, Jayden, Bobby, Elliot, Albie,"
        " Rory, Hugo, Kai, Stanley, Ollie, Albert, Louis, Jude, Callum, Rowan, Hunter,"
        " Carter, Ellis, Blake, Nathan, Jaxon, Aaron, Alex, Austin, Benjamin, Caleb,"
        " Connor, Dexter, Elijah, Ezra, Felix, Finn, Gabriel, Grayson, Harvey, Jamie,"
        " Jasper, Jesse, Kayden, Lewis, Liam, Matthew, Michael, Milo, Otis, Owen, Parker,"
        " Reuben, Ryan, Sonny, Theodore, Tobias, Vinnie, Zac, Alfred, Arlo, Bailey, Brody,"
        " Charles, Cody, Dominic, Evan, Fraser, Jackson, Kian, Leon, Leighton, Lincoln,"
        " Marley, Nico, Oakley, Patrick, Preston, Roman, Ruben, Sam, Spencer, Tristan"
    ),
    0.8,
)
_2020S = (
    split(
        "Olivia, Amelia, Isla, Lily, Ava, Freya, Ivy, Florence, Willow, Isabella, Mia,"
        " Sophia, Grace, Rosie, Evie, Elsie, Poppy, Sienna, Daisy, Harper, Margot, Maeve,"
        " Luna, Ada, Ella, Matilda, Evelyn, Phoebe, Millie, Violet, Aurora, Mabel,"
        " Penelope, Hallie, Emilia, Bonnie, Arabella, Orla, Thea, Olive, Esme, Ruby, Iris,"
        " Lottie, Delilah, Nancy, Edith, Eliza, Ophelia, Darcie, Alice, Lyra, Maya, Lola,"
        " Sofia, Eva, Imogen, Hazel, Myla, Robyn, Beatrice, Martha, Rose, Esmé, Aria,"
        " Eleanor, Elodie, Emily, Gracie, Heidi, Isabelle, Jessica, Layla, Lucy, Mila,"
        " Nellie, Ottilie, Pearl, Primrose, Rosa, Sadie, Scarlett, Summer, Wren, Clementine,"
        " Dolly, Dorothy, Elara, Elizabeth, Flora, Georgia, Indie, Juniper, Lainey, Lilah,"
        " Maisie, Marnie, Mae, Nova, Peggy, Quinn, Remi, Sage, Stevie, Winnie, Zara"
    ),
    split(
        "Noah, Oliver, George, Arthur, Leo, Harry, Oscar, Archie, Henry, Theodore, Freddie,"
        " Jack, Charlie, Theo, Alfie, Jacob, Thomas, Finley, Arlo, William, Lucas, Roman,"
        " Tommy, Isaac, Teddy, Alexander, Luca, Edward, James, Joshua, Albie, Elijah, Max,"
        " Reuben, Mason, Sebastian, Rory, Jude, Louie, Ezra, Ronnie, Reggie, Hugo, Carter,"
        " Albert, Frankie, Sonny, Otis, Jesse, Rowan, Ralph, Ellis, Jaxon, Toby, Ethan,"
        " Hudson, Harrison, Ollie, Ivo, Alfred, Bodhi, Chester, Dylan, Elliot, Felix, Finn,"
        " Gabriel, Grayson, Hunter, Jasper, Jenson, Kai, Logan, Louis, Milo, Miles, Nathan,"
        " Ned, Oakley, Riley, Samuel, Stanley, Tobias, Vinnie, Wilfred, Zachary, Caleb,"
        " Cody, Alby, Bobby, Brody, Dexter, Eli, Enzo, Ernie, Fred, Harvey, Lenny, Leon,"
        " Lewis, Micah, Nico, Orson, Rafael, Rio, Rufus, Ryan, Ted, Wilbur"
    ),
    0.8,
)

Decade = tuple[int, tuple[str, ...], tuple[str, ...], float]
"""(last year of birth, girls most common first, boys most common first, Zipf exponent)."""

ENGLISH_DECADES: tuple[Decade, ...] = (
    (1949, _BEFORE_1950[0] + _OLD_GIRLS_TAIL, _BEFORE_1950[1] + _OLD_BOYS_TAIL, 1.0),
    (1959, _1950S[0] + _OLD_GIRLS_TAIL, _1950S[1] + _OLD_BOYS_TAIL, 1.0),
    (
        1969,
        _1960S[0] + _OLD_GIRLS_TAIL[::2] + _MID_GIRLS_TAIL[::3],
        _1960S[1] + _OLD_BOYS_TAIL[::2] + _MID_BOYS_TAIL[::3],
        1.0,
    ),
    (1979, _1970S[0] + _MID_GIRLS_TAIL, _1970S[1] + _MID_BOYS_TAIL, 0.95),
    (1989, _1980S[0] + _MID_GIRLS_TAIL, _1980S[1] + _MID_BOYS_TAIL, 0.95),
    (
        1999,
        _1990S[0] + _MID_GIRLS_TAIL + _NEW_GIRLS_TAIL[::3],
        _1990S[1] + _MID_BOYS_TAIL + _NEW_BOYS_TAIL[::3],
        0.9,
    ),
    (
        2009,
        _2000S[0] + _NEW_GIRLS_TAIL + _MID_GIRLS_TAIL[::2],
        _2000S[1] + _NEW_BOYS_TAIL + _MID_BOYS_TAIL[::2],
        0.8,
    ),
    (2019, _2010S[0] + _NEW_GIRLS_TAIL, _2010S[1] + _NEW_BOYS_TAIL, 0.8),
    (9999, _2020S[0] + _NEW_GIRLS_TAIL, _2020S[1] + _NEW_BOYS_TAIL, 0.8),
)
